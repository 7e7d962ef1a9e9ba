import { badInput } from '../AppError';
import type { XdmSchema } from './types';

/**
 * SEMANTICS §1: a schema enabled for profile needs a primary identity: a primary descriptor,
 * or, for events, the `identityMap` entry marked primary (checked per record at ingestion).
 */
export function checkProfileEnablement(schema: XdmSchema, field: string): void {
  if (schema.class === 'EXPERIENCE_EVENT') return;
  if (schema.identityDescriptors.some((d) => d.primary)) return;
  throw badInput(
    field,
    `schema "${schema.name}" has no primary identity descriptor; ${schema.class} schemas need one ` +
      'to be enabled for profile (create the schema with a descriptor marked primary)',
  );
}
