import type { RelationshipDescriptor } from '../../domain/catalog/types';
import type { SandboxStore } from '../../storage/ports';

/** The relationship descriptors in force (SEMANTICS §8): those of profile-enabled PROFILE schemas. */
export async function relationshipDescriptors(
  store: SandboxStore,
): Promise<RelationshipDescriptor[]> {
  const schemas = await store.schemas.list('PROFILE');
  return schemas.filter((s) => s.profileEnabled).flatMap((s) => s.relationships);
}
