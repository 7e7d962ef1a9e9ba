import type { Issues } from '../Issues';

interface TextRule {
  required: boolean;
  max: number;
}

/** Names and descriptions: not blank when required, and of a sane length. */
export function checkText(
  issues: Issues,
  field: string,
  value: string | null | undefined,
  rule: TextRule,
): void {
  if (value === null || value === undefined) {
    if (rule.required) issues.add(field, 'is required');
    return;
  }
  if (rule.required && value.trim() === '') issues.add(field, 'must not be blank');
  if (value.length > rule.max) issues.add(field, `must be at most ${rule.max} characters`);
}
