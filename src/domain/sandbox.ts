import { Issues } from './Issues';

/** SEMANTICS §0: a request without a sandbox header works in `prod`, which always exists. */
export const DEFAULT_SANDBOX = 'prod';

const SANDBOX_NAME = /^[a-z][a-z0-9-]{0,31}$/;

export interface Sandbox {
  name: string;
  createdAt: Date;
}

export function checkSandboxName(name: string, field: string): void {
  const issues = new Issues();
  if (!SANDBOX_NAME.test(name)) {
    issues.add(
      field,
      `"${name}" is not a valid sandbox name: use a lower-case letter, then up to 31 lower-case letters, digits or "-"`,
    );
  }
  issues.throwIfAny();
}
