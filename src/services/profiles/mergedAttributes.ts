import { mergeFragments } from '../../domain/merge/mergeFragments';
import { projectFields } from '../../domain/merge/projectFields';
import type { JsonObject } from '../../domain/records/mergePatch';
import type { ProfileData } from './ProfileData';

/** A profile's merged attributes under its policy, only those dot paths when `fields` is set. */
export function mergedAttributes(
  profile: ProfileData,
  fields: readonly string[] | null | undefined,
): JsonObject {
  const merged = mergeFragments(profile.fragments, profile.policy);
  return fields === null || fields === undefined ? merged : projectFields(merged, fields);
}
