import { Issues } from '../Issues';
import type { IdentitySettings } from './IdentitySettings';

export const MAX_GRAPH_SIZE_LIMIT = 1000;

/**
 * Checks settings after a change (SEMANTICS §3): a sane graph size, namespaces that exist
 * (returned as the catalog spells them), no duplicates, no blank blocked values.
 */
export function checkIdentitySettings(
  settings: IdentitySettings,
  canonical: (code: string) => string | undefined,
  prefix: string,
): IdentitySettings {
  const issues = new Issues();
  const { maxGraphSize } = settings;
  if (!Number.isInteger(maxGraphSize) || maxGraphSize < 2 || maxGraphSize > MAX_GRAPH_SIZE_LIMIT) {
    issues.add(
      `${prefix}.maxGraphSize`,
      `must be a whole number from 2 to ${MAX_GRAPH_SIZE_LIMIT}`,
    );
  }
  const namespaces = (field: 'uniqueNamespaces' | 'namespacePriority') =>
    settings[field].map((code, i) => {
      const found = canonical(code);
      if (found === undefined)
        issues.add(`${prefix}.${field}[${i}]`, `there is no identity namespace "${code}"`);
      else if (settings[field].slice(0, i).some((c) => canonical(c) === found)) {
        issues.add(`${prefix}.${field}[${i}]`, `"${code}" is listed twice`);
      }
      return found ?? code;
    });
  const checked = {
    maxGraphSize,
    uniqueNamespaces: namespaces('uniqueNamespaces'),
    namespacePriority: namespaces('namespacePriority'),
  };
  const blockedValues = settings.blockedValues.map((v) => v.trim());
  blockedValues.forEach((v, i) => {
    if (v === '') issues.add(`${prefix}.blockedValues[${i}]`, 'must not be blank');
  });
  issues.throwIfAny();
  return { ...checked, blockedValues: [...new Set(blockedValues.map((v) => v.toLowerCase()))] };
}
