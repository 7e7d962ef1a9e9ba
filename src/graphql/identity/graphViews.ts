import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import { type Identity, identityFromKey } from '../../domain/identity/Identity';
import type { PathStep } from '../../domain/identity/shortestLinkPath';
import type { IdentityType } from '../../domain/enumValues';
import type { IdentityGraphView } from '../../services/identity/IdentityService';

/** Store shapes (epoch ms, keys) → API shapes (DateTime, identities). */

export interface GraphIdentityApi extends Identity {
  type: IdentityType;
  firstSeen: Date;
  lastSeen: Date;
}

export interface IdentityLinkApi {
  from: Identity;
  to: Identity;
  /** Resolved to datasets by the resolver. */
  datasetIds: string[];
  firstSeen: Date;
  lastSeen: Date;
}

export interface IdentityGraphApi {
  id: string;
  size: number;
  identities: GraphIdentityApi[];
  links: IdentityLinkApi[];
}

const toIdentity = (key: string): Identity => identityFromKey(key);

export const toGraphIdentity = (n: GraphNode): GraphIdentityApi => ({
  namespace: n.namespace,
  id: n.id,
  type: n.type,
  firstSeen: new Date(n.firstSeen),
  lastSeen: new Date(n.lastSeen),
});

export const toIdentityLink = (link: GraphLink, from = link.a, to = link.b): IdentityLinkApi => ({
  from: toIdentity(from),
  to: toIdentity(to),
  datasetIds: link.datasets,
  firstSeen: new Date(link.firstSeen),
  lastSeen: new Date(link.lastSeen),
});

export const toIdentityGraph = (g: IdentityGraphView): IdentityGraphApi => ({
  id: g.id,
  size: g.nodes.length,
  identities: g.nodes
    .map(toGraphIdentity)
    .sort((x, y) => x.firstSeen.getTime() - y.firstSeen.getTime()),
  links: g.links.map((l) => toIdentityLink(l)),
});

export const toLinkPath = (steps: PathStep[]): IdentityLinkApi[] =>
  steps.map((s) => toIdentityLink(s.link, s.from, s.to));
