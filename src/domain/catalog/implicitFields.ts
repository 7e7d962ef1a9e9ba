import type { SchemaClass } from '../enumValues';
import type { SchemaField } from './types';

/** Reserved for the identities of a record (SEMANTICS §1); never declared by a user. */
export const IDENTITY_MAP = 'identityMap';

/** SEMANTICS §2 (ordering): records may carry the time the source last changed them. */
export const LAST_UPDATED_DATE = 'extSourceSystemAudit.lastUpdatedDate';

const field = (
  path: string,
  type: SchemaField['type'],
  required: boolean,
  description: string,
): SchemaField => ({ path, type, itemType: null, required, description });

export const IDENTITY_MAP_FIELD = field(
  IDENTITY_MAP,
  'OBJECT',
  false,
  'Identities by namespace: { "<namespace>": [{ "id": "...", "primary": true|false }] }',
);

/** Fields every schema of a class has without declaring them (SEMANTICS §1, §2); fresh copies. */
export function implicitFields(schemaClass: SchemaClass): SchemaField[] {
  if (schemaClass === 'EXPERIENCE_EVENT') {
    return [
      { ...IDENTITY_MAP_FIELD },
      field('_id', 'STRING', true, 'Unique id of the event; a repeated _id is ignored'),
      field('timestamp', 'DATE_TIME', true, 'When the event happened'),
    ];
  }
  return [
    { ...IDENTITY_MAP_FIELD },
    field('extSourceSystemAudit', 'OBJECT', false, 'Audit data of the source system'),
    field(LAST_UPDATED_DATE, 'DATE_TIME', false, 'When the source last changed the record'),
  ];
}
