import type { Issues } from '../Issues';

/** SEMANTICS §5: computed attribute names. */
export const COMPUTED_ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/**
 * SEMANTICS §5: a name is `[A-Za-z][A-Za-z0-9]{0,63}`, so it can be used as is as a key of
 * profile JSON, a CSV column or a filter path segment.
 */
export function checkComputedName(issues: Issues, name: string, field: string): void {
  if (!COMPUTED_ATTRIBUTE_NAME.test(name)) {
    issues.add(
      field,
      `"${name}" is not a valid computed attribute name: start with a letter, then up to 63 letters or digits`,
    );
  }
}
