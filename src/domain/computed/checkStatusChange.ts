import { conflict } from '../AppError';
import { Issues } from '../Issues';
import { COMPUTED_ATTRIBUTE_STATUSES, type ComputedAttributeStatus } from './ComputedAttribute';
import { checkActiveLimit } from './checkActiveLimit';

const isStatus = (status: unknown): status is ComputedAttributeStatus =>
  (COMPUTED_ATTRIBUTE_STATUSES as readonly unknown[]).includes(status);

/**
 * SEMANTICS §5 statuses of a computed attribute (`setComputedAttributeStatus`):
 * - the same status again is allowed and changes nothing (returns false);
 * - any status may become ACTIVE (while fewer than 100 are: `checkActiveLimit`, CONFLICT) or
 *   DISABLED;
 * - nothing goes back to DRAFT: DRAFT means "never used yet", and once a definition has been
 *   ACTIVE or DISABLED its values may have been read, exported or used by audiences
 *   (CONFLICT; DISABLED stops it instead).
 * `activeCount` is how many are ACTIVE now. Returns whether the status changes.
 */
export function checkStatusChange(
  from: ComputedAttributeStatus,
  to: ComputedAttributeStatus,
  activeCount: number,
  field = 'status',
): boolean {
  if (!isStatus(to)) {
    const issues = new Issues();
    issues.add(field, `must be one of ${COMPUTED_ATTRIBUTE_STATUSES.join(', ')}`);
    issues.throwIfAny();
  }
  if (from === to) return false;
  if (to === 'DRAFT') {
    throw conflict(
      field,
      `a ${from} computed attribute cannot go back to DRAFT; set it to DISABLED to stop it`,
    );
  }
  if (to === 'ACTIVE') checkActiveLimit(activeCount, field);
  return true;
}
