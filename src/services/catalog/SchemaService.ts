import { conflict, notFound } from '../../domain/AppError';
import { Issues } from '../../domain/Issues';
import { addDeclaredFields } from '../../domain/catalog/addDeclaredFields';
import { checkDescriptors, type DescriptorInputs } from '../../domain/catalog/checkDescriptors';
import { checkProfileEnablement } from '../../domain/catalog/checkProfileEnablement';
import { namespaceKey } from '../../domain/catalog/checkNamespaceInput';
import { checkText } from '../../domain/catalog/checkText';
import {
  describeUnionConflict,
  findUnionConflict,
  unionFields,
} from '../../domain/catalog/unionSchema';
import type { SchemaField, SchemaFieldInput, XdmSchema } from '../../domain/catalog/types';
import type { SchemaClass } from '../../domain/enumValues';
import type { SandboxStore } from '../../storage/ports';
import type { Clock } from '../Clock';
import { newId } from '../newId';
import { namespacesByKey } from './namespacesByKey';
import type { ServiceDeps } from '../ServiceDeps';
import { publishCatalogChange } from './publishCatalogChange';

export interface CreateSchemaInput extends Partial<DescriptorInputs> {
  name: string;
  class: SchemaClass;
  fields: readonly SchemaFieldInput[];
}

export interface UnionSchema {
  class: SchemaClass;
  schemas: XdmSchema[];
  fields: SchemaField[];
}

/** SEMANTICS §1 (schemas, union schema). */
export class SchemaService {
  private readonly store: SandboxStore;
  private readonly clock: Clock;

  constructor(private readonly deps: ServiceDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
  }

  list(schemaClass?: SchemaClass): Promise<XdmSchema[]> {
    return this.store.schemas.list(schemaClass);
  }

  getMany(ids: readonly string[]): Promise<(XdmSchema | undefined)[]> {
    return this.store.schemas.getMany(ids);
  }

  async create(input: CreateSchemaInput): Promise<XdmSchema> {
    const issues = new Issues();
    checkText(issues, 'input.name', input.name, { required: true, max: 256 });
    issues.throwIfAny();
    const fields = addDeclaredFields(input.class, undefined, input.fields, 'input.fields');
    const namespaces = await namespacesByKey(this.store);
    const descriptors = checkDescriptors(
      input.class,
      fields,
      {
        identityDescriptors: input.identityDescriptors ?? [],
        relationships: input.relationships ?? [],
      },
      (code) => namespaces.get(namespaceKey(code)),
      'input',
    );
    const now = this.clock();
    const schema: XdmSchema = {
      id: newId('sch'),
      name: input.name.trim(),
      class: input.class,
      version: 1,
      fields,
      ...descriptors,
      profileEnabled: false,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.store.schemas.insert(schema))) {
      throw conflict('input.name', `a schema named "${schema.name}" already exists`);
    }
    this.announce(schema, 'CREATED');
    return schema;
  }

  /** Fields may be added, never removed or retyped; a profile-enabled schema keeps its union valid. */
  addFields(schemaId: string, fields: readonly SchemaFieldInput[]): Promise<XdmSchema> {
    return this.change(schemaId, async (store, schema) => {
      const next = addDeclaredFields(schema.class, schema.fields, fields, 'fields');
      if (next.length === schema.fields.length) return undefined;
      if (schema.profileEnabled) await checkUnion(store, schema, next, 'fields');
      return { fields: next };
    });
  }

  /**
   * Irreversible (SEMANTICS §1): enabling twice returns the schema unchanged. A PROFILE
   * schema's relationships come into force: people already stored relate to accounts again
   * (SEMANTICS §8), marked in the same transaction, related in the background.
   */
  async enableForProfile(schemaId: string): Promise<XdmSchema> {
    const marked = { all: false };
    const schema = await this.change(schemaId, async (store, current) => {
      if (current.profileEnabled) return undefined;
      checkProfileEnablement(current, 'schemaId');
      await checkUnion(store, current, current.fields, 'schemaId');
      marked.all = current.class === 'PROFILE' && current.relationships.length > 0;
      if (marked.all) await store.status.markAllStale();
      return { profileEnabled: true };
    });
    if (marked.all) this.deps.status.refresh();
    return schema;
  }

  async union(schemaClass: SchemaClass): Promise<UnionSchema> {
    const schemas = (await this.store.schemas.list(schemaClass)).filter((s) => s.profileEnabled);
    return { class: schemaClass, schemas, fields: unionFields(schemas) };
  }

  private announce(schema: XdmSchema, action: 'CREATED' | 'UPDATED'): void {
    const at = schema.updatedAt;
    publishCatalogChange(this.deps.events, 'SCHEMA', action, {
      id: schema.id,
      name: schema.name,
      at,
    });
  }

  /**
   * Applies the changes `decide` returns (none: the schema stays as it is) as the next version,
   * atomically, and announces them once committed.
   */
  private async change(
    schemaId: string,
    decide: (store: SandboxStore, schema: XdmSchema) => Promise<Partial<XdmSchema> | undefined>,
  ): Promise<XdmSchema> {
    const { schema, changed } = await this.store.transaction(async (store) => {
      const current = await getSchema(store, schemaId);
      const changes = await decide(store, current);
      if (changes === undefined) return { schema: current, changed: false };
      return { schema: await this.save(store, current, changes), changed: true };
    });
    if (changed) this.announce(schema, 'UPDATED');
    return schema;
  }

  private async save(
    store: SandboxStore,
    schema: XdmSchema,
    changes: Partial<XdmSchema>,
  ): Promise<XdmSchema> {
    const next = { ...schema, ...changes, version: schema.version + 1, updatedAt: this.clock() };
    if (!(await store.schemas.update(next, schema.version))) {
      throw conflict('schemaId', `schema "${schema.name}" was changed meanwhile; try again`);
    }
    return next;
  }
}

async function getSchema(store: SandboxStore, id: string): Promise<XdmSchema> {
  const [schema] = await store.schemas.getMany([id]);
  if (schema === undefined) throw notFound('schemaId', `there is no schema "${id}"`);
  return schema;
}

async function checkUnion(
  store: SandboxStore,
  schema: XdmSchema,
  fields: readonly SchemaField[],
  field: string,
): Promise<void> {
  const enabled = (await store.schemas.list(schema.class)).filter((s) => s.profileEnabled);
  const clash = findUnionConflict(schema, fields, enabled);
  if (clash !== undefined) throw conflict(field, describeUnionConflict(clash));
}
