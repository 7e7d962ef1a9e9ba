import type { Dataset, IdentityNamespace, XdmSchema } from '../../domain/catalog/types';
import type { IdentityType, SchemaClass } from '../../domain/enumValues';
import type { Tables } from './tables';

/** Row ↔ domain mapping of the catalog tables; the only place that knows both shapes. */

type Row<T extends keyof Tables> = Tables[T];

// Dialects return bigint columns as number (SQLite) or string (PostgreSQL).
export const time = (value: number | string): Date => new Date(Number(value));
const flag = (value: number): boolean => value !== 0;
const bit = (value: boolean): number => (value ? 1 : 0);

export const namespaceFromRow = (r: Row<'identity_namespaces'>): IdentityNamespace => ({
  code: r.code,
  name: r.name,
  description: r.description,
  type: r.type as IdentityType,
  custom: flag(r.custom),
  createdAt: time(r.created_at),
});

export const namespaceToRow = (
  sandbox: string,
  n: IdentityNamespace,
): Row<'identity_namespaces'> => ({
  sandbox,
  code_key: n.code.toLowerCase(),
  code: n.code,
  name: n.name,
  description: n.description,
  type: n.type,
  custom: bit(n.custom),
  created_at: n.createdAt.getTime(),
});

export const schemaFromRow = (r: Row<'xdm_schemas'>): XdmSchema => ({
  id: r.id,
  name: r.name,
  class: r.class as SchemaClass,
  version: r.version,
  fields: JSON.parse(r.fields) as XdmSchema['fields'],
  identityDescriptors: JSON.parse(r.identity_descriptors) as XdmSchema['identityDescriptors'],
  relationships: JSON.parse(r.relationships) as XdmSchema['relationships'],
  profileEnabled: flag(r.profile_enabled),
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
});

export const schemaToRow = (sandbox: string, s: XdmSchema): Row<'xdm_schemas'> => ({
  sandbox,
  id: s.id,
  name: s.name,
  name_key: s.name.toLowerCase(),
  class: s.class,
  version: s.version,
  fields: JSON.stringify(s.fields),
  identity_descriptors: JSON.stringify(s.identityDescriptors),
  relationships: JSON.stringify(s.relationships),
  profile_enabled: bit(s.profileEnabled),
  created_at: s.createdAt.getTime(),
  updated_at: s.updatedAt.getTime(),
});

export const datasetFromRow = (r: Row<'datasets'>): Dataset => ({
  id: r.id,
  name: r.name,
  schemaId: r.schema_id,
  profileEnabled: flag(r.profile_enabled),
  identityEnabled: flag(r.identity_enabled),
  upsertEnabled: flag(r.upsert_enabled),
  eventTtlDays: r.event_ttl_days,
  createdAt: time(r.created_at),
});

export const datasetToRow = (sandbox: string, d: Dataset): Row<'datasets'> => ({
  sandbox,
  id: d.id,
  name: d.name,
  name_key: d.name.toLowerCase(),
  schema_id: d.schemaId,
  profile_enabled: bit(d.profileEnabled),
  identity_enabled: bit(d.identityEnabled),
  upsert_enabled: bit(d.upsertEnabled),
  event_ttl_days: d.eventTtlDays,
  created_at: d.createdAt.getTime(),
});

/** Puts rows found by id back in the order the ids were asked (DataLoader needs that). */
export function inOrder<T extends { id: string }>(
  ids: readonly string[],
  found: T[],
): (T | undefined)[] {
  const byId = new Map(found.map((x) => [x.id, x]));
  return ids.map((id) => byId.get(id));
}
