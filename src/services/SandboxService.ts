import { AppError, conflict } from '../domain/AppError';
import { DEFAULT_SANDBOX, type Sandbox, checkSandboxName } from '../domain/sandbox';
import type { Store } from '../storage/ports';
import type { Clock } from './Clock';
import { seedSandbox } from './seedSandbox';

/** The sandbox registry (SEMANTICS §0): the one service that is not scoped to a sandbox. */
export class SandboxService {
  // Sandboxes are never deleted, so a name once found stays valid: no store read per request.
  private readonly known = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Start-up: `prod` exists, and every sandbox has every seed. */
  async prepare(): Promise<void> {
    const now = this.clock();
    await this.store.transaction(async (store) => {
      await store.sandboxes.insert({ name: DEFAULT_SANDBOX, createdAt: now });
      for (const { name } of await store.sandboxes.list()) {
        await seedSandbox(store.scoped(name), now);
      }
    });
  }

  list(): Promise<Sandbox[]> {
    return this.store.sandboxes.list();
  }

  async create(name: string): Promise<Sandbox> {
    checkSandboxName(name, 'name');
    const sandbox = { name, createdAt: this.clock() };
    await this.store.transaction(async (store) => {
      if (!(await store.sandboxes.insert(sandbox))) {
        throw conflict('name', `sandbox "${name}" already exists`);
      }
      await seedSandbox(store.scoped(name), sandbox.createdAt);
    });
    this.known.add(name);
    return sandbox;
  }

  /**
   * The sandbox a request names (`field` says where it named it), or `prod` when it names
   * none. An unknown name is NOT_FOUND, never created on the fly.
   */
  async resolve(name: string | undefined, field: string): Promise<string> {
    if (name === undefined || name === '') return DEFAULT_SANDBOX;
    if (this.known.has(name)) return name;
    checkSandboxName(name, field);
    if ((await this.store.sandboxes.get(name)) === undefined) {
      throw new AppError(
        'NOT_FOUND',
        `there is no sandbox "${name}"; create it with createSandbox`,
        field,
      );
    }
    this.known.add(name);
    return name;
  }
}
