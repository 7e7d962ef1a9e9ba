import type { IdentityType } from '../../../../src/domain/enumValues';
import { GraphWorkspace } from '../../../../src/domain/identity/GraphWorkspace';
import { identityKey } from '../../../../src/domain/identity/Identity';
import {
  DEFAULT_IDENTITY_SETTINGS,
  type IdentitySettings,
} from '../../../../src/domain/identity/IdentitySettings';
import { type Observation, observe } from '../../../../src/domain/identity/observe';

const TYPES: Record<string, IdentityType> = {
  CRMID: 'PERSON',
  Email: 'EMAIL',
  Phone: 'PHONE',
  ECID: 'COOKIE',
  GAID: 'DEVICE',
  IDFA: 'DEVICE',
  Partner: 'PARTNER',
};

/** `Email:a@x` → an identity with the namespace's type. */
export const id = (text: string) => {
  const [namespace = '', value = ''] = text.split(':');
  return { namespace, id: value, type: TYPES[namespace] ?? 'PERSON' };
};

export const key = (text: string): string => identityKey(id(text));

export const settings = (changes: Partial<IdentitySettings> = {}): IdentitySettings => ({
  ...DEFAULT_IDENTITY_SETTINGS,
  ...changes,
});

/** A workspace with predictable graph ids (g1, g2, ...). */
export function workspace(): GraphWorkspace {
  let n = 0;
  return new GraphWorkspace({ nodes: [], links: [] }, () => `g${++n}`);
}

/** Observes a linking record of these identities (primary first) at time `at`. */
export function see(
  ws: GraphWorkspace,
  identities: string[],
  at: number,
  rules: IdentitySettings = settings(),
  extra: Partial<Observation> = {},
): void {
  observe(ws, { identities: identities.map(id), dataset: 'ds1', at, link: true, ...extra }, rules);
}

/** The graphs of the given identities, as sorted lists of identity texts, one per graph. */
export function graphsOf(ws: GraphWorkspace, texts: string[]): string[][] {
  const byGraph = new Map<string, string[]>();
  for (const text of texts) {
    const graphId = ws.node(key(text))?.graphId ?? `missing:${text}`;
    byGraph.set(graphId, [...(byGraph.get(graphId) ?? []), text]);
  }
  return [...byGraph.values()].map((g) => g.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}
