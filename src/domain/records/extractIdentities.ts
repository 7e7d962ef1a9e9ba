import { namespaceKey } from '../catalog/checkNamespaceInput';
import type { XdmSchema } from '../catalog/types';
import { type Identity, identityKey } from '../identity/Identity';
import type { IdentitySettings } from '../identity/IdentitySettings';
import { blockedValueSet, checkIdentityValue } from './checkIdentityValue';
import { choosePrimary, type FoundIdentity, type PrimaryChoice } from './choosePrimary';
import { identityCandidates, type NamespacesByKey } from './identityCandidates';
import { type RecordError, recordError } from './RecordError';

export interface ExtractedIdentities {
  /** Deduplicated, the primary first; namespaces spelled as the catalog spells them. */
  identities: Identity[];
  primary: Identity | undefined;
  /** Unknown namespaces first, then dropped values, each in the order they were found. */
  warnings: RecordError[];
  errors: RecordError[];
}

/**
 * SEMANTICS §1–3: the identities of one record, its primary identity, the values dropped
 * (warnings) and the problems that reject the record (errors). `namespaces` is keyed by
 * lower-cased namespace code.
 */
export function extractIdentities(
  record: Record<string, unknown>,
  schema: XdmSchema,
  namespaces: NamespacesByKey,
  settings: IdentitySettings,
): ExtractedIdentities {
  const found = identityCandidates(record, schema.identityDescriptors, namespaces);
  const warnings = [...found.warnings];
  const blocked = blockedValueSet(settings.blockedValues);
  const usable = found.candidates.flatMap((c): FoundIdentity[] => {
    const checked = checkIdentityValue(c.namespace, schema.class, c.value, blocked);
    if ('id' in checked) {
      const { primary, fromDescriptor } = c;
      return [{ namespace: c.namespace.code, id: checked.id, primary, fromDescriptor }];
    }
    warnings.push(recordError('INVALID_IDENTITY', checked.problem, c.path));
    return [];
  });
  const choice = choosePrimary(usable, schema.class, settings.namespacePriority);
  const identities = uniqueIdentities(choice.primary, usable);
  const errors = [...found.errors];
  if (choice.primary === undefined) {
    errors.push(recordError('MISSING_IDENTITY', 'the record holds no usable identity'));
  }
  errors.push(
    ...ambiguity(identities, choice),
    ...collapses(identities, settings.uniqueNamespaces),
  );
  return { identities, primary: choice.primary, warnings, errors };
}

function uniqueIdentities(primary: Identity | undefined, found: readonly Identity[]): Identity[] {
  const unique = new Map<string, Identity>();
  for (const { namespace, id } of primary === undefined ? found : [primary, ...found]) {
    const key = identityKey({ namespace, id });
    if (!unique.has(key)) unique.set(key, { namespace, id });
  }
  return [...unique.values()];
}

/** SEMANTICS §3: an event keyed by priority needs one value of its top namespace. */
function ambiguity(identities: readonly Identity[], choice: PrimaryChoice): RecordError[] {
  const { primary, byPriority } = choice;
  if (primary === undefined || !byPriority) return [];
  // Namespaces are spelled as the catalog spells them, so equal codes are equal namespaces.
  const values = identities.filter((i) => i.namespace === primary.namespace).map((i) => i.id);
  if (values.length < 2) return [];
  const message =
    `the event holds ${values.length} values of its highest-ranked namespace ` +
    `"${primary.namespace}": ${quoteList(values)}; mark one primary`;
  return [recordError('AMBIGUOUS_IDENTITY', message)];
}

/** SEMANTICS §3: one record never holds two values of a unique namespace. */
function collapses(
  identities: readonly Identity[],
  uniqueNamespaces: readonly string[],
): RecordError[] {
  return [...new Set(uniqueNamespaces.map(namespaceKey))].flatMap((key) => {
    const held = identities.filter((i) => namespaceKey(i.namespace) === key);
    const [first] = held;
    if (first === undefined || held.length < 2) return [];
    const values = held.map((i) => i.id);
    const message =
      `the record holds ${values.length} values of the unique namespace ` +
      `"${first.namespace}": ${quoteList(values)}; a person has at most one`;
    return [recordError('GRAPH_COLLAPSE', message)];
  });
}

/** Two or more values: `"a" and "b"`, `"a", "b" and "c"`. */
const quoteList = (values: readonly string[]): string => {
  const quoted = values.map((v) => `"${v}"`);
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.slice(-1).join('')}`;
};
