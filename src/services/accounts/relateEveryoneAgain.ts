import type { SandboxStore } from '../../storage/ports';
import { relationshipDescriptors } from './relationshipDescriptors';

/**
 * SEMANTICS §8: who relates to which account follows the default PROFILE policy and the
 * relationship descriptors in force. When either changes, every graph is marked for the store
 * status's pass, whose work relates each person again in the background; marking in the
 * caller's transaction commits the change and the marks together, so a restart loses
 * neither. Returns whether it marked anything (the caller then refreshes the status); with
 * no descriptor in force, no relation depends on the change.
 */
export async function relateEveryoneAgain(store: SandboxStore): Promise<boolean> {
  if ((await relationshipDescriptors(store)).length === 0) return false;
  await store.status.markAllStale();
  return true;
}
