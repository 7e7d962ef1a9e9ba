import { addDeclaredFields } from '../../../../src/domain/catalog/addDeclaredFields';
import type {
  Dataset,
  IdentityDescriptor,
  SchemaFieldInput,
  XdmSchema,
} from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import type { IdentitySettings } from '../../../../src/domain/identity/IdentitySettings';
import {
  type PreparedRecord,
  type RejectedRecord,
  isPrepared,
} from '../../../../src/domain/ingestion/PreparedRecord';
import {
  type IngestOperation,
  type RecordContext,
  prepareRecord,
} from '../../../../src/domain/ingestion/prepareRecord';
import { RecordValidators } from '../../../../src/domain/records/RecordValidators';
import { makeSchema } from '../catalog/fixtures';
import { NAMESPACES_BY_KEY, settings } from '../records/fixtures';

const CREATED = new Date('2024-01-01T00:00:00.000Z');

/** A schema whose field list is built as the catalog builds it (implicit fields, parents). */
const schemaOf = (
  id: string,
  schemaClass: SchemaClass,
  declared: SchemaFieldInput[],
  identityDescriptors: IdentityDescriptor[],
): XdmSchema =>
  makeSchema(id, schemaClass, addDeclaredFields(schemaClass, undefined, declared, 'fields'), {
    identityDescriptors,
  });

/** CRM records: crmId (required) is the primary CRMID, email an Email. */
export const CRM_SCHEMA = schemaOf(
  'crm',
  'PROFILE',
  [
    { path: 'crmId', type: 'STRING', required: true },
    { path: 'email', type: 'STRING' },
    { path: 'person.name.first', type: 'STRING' },
    { path: 'person.name.last', type: 'STRING' },
    { path: 'person.age', type: 'INTEGER' },
    { path: 'loyalty.points', type: 'INTEGER' },
    { path: 'loyalty.tier', type: 'STRING' },
    { path: 'tags', type: 'ARRAY', itemType: 'STRING' },
    { path: 'prefs', type: 'OBJECT' },
    { path: 'orders', type: 'ARRAY', itemType: 'OBJECT' },
    { path: 'orders.sku', type: 'STRING', required: true },
    { path: 'orders.qty', type: 'INTEGER' },
  ],
  [
    { path: 'crmId', namespace: 'CRMID', primary: true },
    { path: 'email', namespace: 'Email', primary: false },
  ],
);

/** Web events: email an Email (not primary); devices come in identityMap. */
export const WEB_SCHEMA = schemaOf(
  'web',
  'EXPERIENCE_EVENT',
  [
    { path: 'page', type: 'STRING' },
    { path: 'email', type: 'STRING' },
  ],
  [{ path: 'email', namespace: 'Email', primary: false }],
);

/** Accounts: accountKey is the primary B2BAccount. */
export const ACCOUNT_SCHEMA = schemaOf(
  'accounts',
  'ACCOUNT',
  [
    { path: 'accountKey', type: 'STRING', required: true },
    { path: 'name', type: 'STRING' },
  ],
  [{ path: 'accountKey', namespace: 'B2BAccount', primary: true }],
);

const dataset = (id: string, name: string, schemaId: string, upsertEnabled: boolean): Dataset => ({
  id,
  name,
  schemaId,
  profileEnabled: true,
  identityEnabled: true,
  upsertEnabled,
  eventTtlDays: null,
  createdAt: CREATED,
});

export const CRM_DATASET = dataset('ds-crm', 'CRM nightly', 'crm', true);
/** The same schema in a dataset that is not upsert-enabled. */
export const CRM_APPEND_DATASET = dataset('ds-crm-append', 'CRM append', 'crm', false);
export const WEB_DATASET = dataset('ds-web', 'Web events', 'web', false);
export const ACCOUNT_DATASET = dataset('ds-accounts', 'Accounts', 'accounts', true);

const DATASETS: Record<string, Dataset> = {
  crm: CRM_DATASET,
  web: WEB_DATASET,
  accounts: ACCOUNT_DATASET,
};

/** Real, compiled validators, shared by every test of a file. */
const VALIDATORS = new RecordValidators();

export interface ContextOptions {
  schema?: XdmSchema;
  dataset?: Dataset;
  settings?: Partial<IdentitySettings>;
}

/** The context of one request: CRM records into the upsert-enabled CRM dataset by default. */
export function context(operation: IngestOperation, options: ContextOptions = {}): RecordContext {
  const schema = options.schema ?? CRM_SCHEMA;
  return {
    dataset: options.dataset ?? DATASETS[schema.id] ?? CRM_DATASET,
    schema,
    operation,
    namespaces: NAMESPACES_BY_KEY,
    settings: settings(options.settings),
    validate: VALIDATORS.forSchema(schema),
    validatePatch: VALIDATORS.forPatch(schema),
  };
}

/** prepareRecord's outcome for a record that must pass; fails the test with its errors if not. */
export function prepare(
  raw: unknown,
  operation: IngestOperation = 'CREATE',
  options: ContextOptions & { index?: number } = {},
): PreparedRecord {
  const outcome: PreparedRecord | RejectedRecord = prepareRecord(
    raw,
    options.index ?? 0,
    context(operation, options),
  );
  if (!isPrepared(outcome)) {
    throw new Error(`expected the record to pass, got ${JSON.stringify(outcome.errors)}`);
  }
  return outcome;
}

/** Freezes a value and everything in it, so that any mutation throws (tests run strict). */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};
