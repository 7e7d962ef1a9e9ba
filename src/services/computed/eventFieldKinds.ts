import { implicitFields } from '../../domain/catalog/implicitFields';
import { fieldKindOf, type FieldKind } from '../../domain/computed/FieldKind';
import type { SandboxStore } from '../../storage/ports';

/**
 * SEMANTICS §5: the fields computed attributes can aggregate — every dot path a profile-enabled
 * EXPERIENCE_EVENT schema declares (and the ones every event has), by kind. Only those schemas
 * hold profile events, and their fields' types can no longer change, so a kind stays right.
 */
export async function eventFieldKinds(store: SandboxStore): Promise<Map<string, FieldKind>> {
  const kinds = new Map<string, FieldKind>();
  for (const field of implicitFields('EXPERIENCE_EVENT'))
    kinds.set(field.path, fieldKindOf(field.type));
  for (const schema of await store.schemas.list('EXPERIENCE_EVENT')) {
    if (!schema.profileEnabled) continue;
    for (const field of schema.fields) kinds.set(field.path, fieldKindOf(field.type));
  }
  return kinds;
}
