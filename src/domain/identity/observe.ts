import type { IdentityType } from '../enumValues';
import type { Identity } from './Identity';
import type { IdentitySettings } from './IdentitySettings';
import type { GraphWorkspace } from './GraphWorkspace';
import { enforceSizeLimit } from './enforceSizeLimit';
import { hasUniqueConflict, replayNewestFirst } from './uniqueNamespaces';

/** One record's identities, as the graph sees them. */
export interface Observation {
  /** Primary identity first. */
  identities: readonly (Identity & { type: IdentityType })[];
  dataset: string;
  /** Epoch ms. */
  at: number;
  /** Whether the record links its identities (its dataset is identity-enabled). */
  link: boolean;
}

/**
 * SEMANTICS §3: records every identity of a record (first/last seen) and, when it links, one
 * link from the primary to each other identity. Joining two graphs relabels the smaller one;
 * a join that would hold two values of a unique namespace replays the links newest first
 * instead; a graph over the size limit evicts. The caller has already rejected records that
 * hold two values of a unique namespace themselves (GRAPH_COLLAPSE).
 */
export function observe(
  ws: GraphWorkspace,
  observation: Observation,
  settings: IdentitySettings,
): void {
  const keys = observation.identities.map((i) => ws.touchNode(i, i.type, observation.at).key);
  const [primary, ...others] = keys;
  if (!observation.link || primary === undefined) return;
  for (const other of others) connect(ws, primary, other, observation, settings);
}

function connect(
  ws: GraphWorkspace,
  a: string,
  b: string,
  observation: Observation,
  settings: IdentitySettings,
): void {
  const [ga, gb] = [ws.require(a).graphId, ws.require(b).graphId];
  const { isNew } = ws.touchLink(a, b, observation.dataset, observation.at);
  if (!isNew || ga === gb) return;
  const [membersA, membersB] = [ws.members(ga), ws.members(gb)];
  const merged = [...membersA, ...membersB];
  if (hasUniqueConflict(merged, settings.uniqueNamespaces)) {
    replayNewestFirst(
      ws,
      merged.map((n) => n.key),
      settings.uniqueNamespaces,
    );
  } else {
    // O(size of the smaller graph): only its identities change graph.
    const [smaller, larger] = membersA.length < membersB.length ? [membersA, gb] : [membersB, ga];
    for (const node of smaller) ws.setGraphId(node.key, larger);
  }
  for (const graphId of new Set([ws.require(a).graphId, ws.require(b).graphId])) {
    enforceSizeLimit(ws, graphId, settings.maxGraphSize);
  }
}

/**
 * SEMANTICS §3 (settings changes apply to existing graphs): brings one graph in line with the
 * current rules, replaying its links newest first and evicting over the size limit.
 */
export function repairGraph(ws: GraphWorkspace, graphId: string, settings: IdentitySettings): void {
  const keys = ws.members(graphId).map((n) => n.key);
  replayNewestFirst(ws, keys, settings.uniqueNamespaces);
  for (const id of new Set(keys.map((k) => ws.require(k).graphId))) {
    enforceSizeLimit(ws, id, settings.maxGraphSize);
  }
}
