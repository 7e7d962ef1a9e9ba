import { Issues } from '../Issues';
import { checkText } from './checkText';

const NAMESPACE_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export interface NamespaceInput {
  code: string;
  name: string;
  description?: string | null;
}

/** SEMANTICS §1: custom namespace codes are `[A-Za-z][A-Za-z0-9_]{0,63}`. */
export function checkNamespaceInput(input: NamespaceInput, prefix: string): void {
  const issues = new Issues();
  if (!NAMESPACE_CODE.test(input.code)) {
    issues.add(
      `${prefix}.code`,
      `"${input.code}" is not a valid namespace code: start with a letter, then up to 63 letters, digits or "_"`,
    );
  }
  checkText(issues, `${prefix}.name`, input.name, { required: true, max: 256 });
  checkText(issues, `${prefix}.description`, input.description, { required: false, max: 1024 });
  issues.throwIfAny();
}

/** Namespace codes are unique case-insensitively; this is the key they are compared by. */
export const namespaceKey = (code: string): string => code.toLowerCase();
