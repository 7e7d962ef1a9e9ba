import { STANDARD_NAMESPACES } from '../domain/catalog/standardNamespaces';
import type { SandboxStore } from '../storage/ports';

/**
 * SEMANTICS §0: a sandbox starts seeded like a fresh install. Idempotent: it only adds what is
 * missing, so start-up runs it on every sandbox and new seeds reach old sandboxes too.
 */
export async function seedSandbox(store: SandboxStore, now: Date): Promise<void> {
  await store.namespaces.insertMissing(
    STANDARD_NAMESPACES.map((ns) => ({ ...ns, custom: false, createdAt: now })),
  );
}
