import type { IdentityType } from '../enumValues';
import type { Identity } from './Identity';

/** An identity in the graph (SEMANTICS §3). Times are epoch milliseconds. */
export interface GraphNode extends Identity {
  key: string;
  type: IdentityType;
  firstSeen: number;
  lastSeen: number;
  /** Identities with the same graph id form one graph (one profile). */
  graphId: string;
}

/** A link between two identities, stored once (a < b by key), with who asserted it and when. */
export interface GraphLink {
  key: string;
  a: string;
  b: string;
  datasets: string[];
  firstSeen: number;
  lastSeen: number;
  graphId: string;
}

/** The key of the link between two identity keys, whichever way round they come. */
export const linkKey = (x: string, y: string): string =>
  x < y ? `${x}\u001e${y}` : `${y}\u001e${x}`;
