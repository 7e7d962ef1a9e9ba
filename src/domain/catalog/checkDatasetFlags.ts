import { Issues } from '../Issues';
import type { DatasetFlags, XdmSchema } from './types';

/**
 * SEMANTICS §1 (datasets): `profileEnabled` needs a profile-enabled schema; `upsertEnabled`
 * needs `profileEnabled` and a PROFILE or ACCOUNT schema; `eventTtlDays` is for events and >= 1.
 */
export function checkDatasetFlags(
  flags: DatasetFlags,
  schema: Pick<XdmSchema, 'name' | 'class' | 'profileEnabled'>,
  prefix: string,
): void {
  const issues = new Issues();
  if (flags.profileEnabled && !schema.profileEnabled) {
    issues.add(
      `${prefix}.profileEnabled`,
      `schema "${schema.name}" is not enabled for profile; enable the schema first`,
    );
  }
  if (flags.upsertEnabled && !flags.profileEnabled) {
    issues.add(`${prefix}.upsertEnabled`, 'needs profileEnabled');
  }
  if (flags.upsertEnabled && schema.class === 'EXPERIENCE_EVENT') {
    issues.add(
      `${prefix}.upsertEnabled`,
      'events are appended, never upserted: needs a PROFILE or ACCOUNT schema',
    );
  }
  if (flags.eventTtlDays !== null) {
    if (schema.class !== 'EXPERIENCE_EVENT') {
      issues.add(`${prefix}.eventTtlDays`, 'only datasets of EXPERIENCE_EVENT schemas hold events');
    } else if (!Number.isInteger(flags.eventTtlDays) || flags.eventTtlDays < 1) {
      issues.add(`${prefix}.eventTtlDays`, 'must be a whole number of days, at least 1');
    }
  }
  issues.throwIfAny();
}
