import type { IdentityGraphRepository, SandboxStore, Store } from '../ports';

/** Where the identity graph lives when it is not in the main store. */
export interface IdentityGraphBackend {
  repository(sandbox: string): IdentityGraphRepository;
  /** Resolves when the backend answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `store` with every sandbox's `identities` served by `graphs` (inside transactions too) and
 * everything else left to `store`. The graph's writes are not part of `store`'s transactions:
 * each `save` commits on its own, before the enclosing transaction does. Saves write whole
 * state by key (idempotent), so when the enclosing transaction rolls back, retrying the
 * request converges; until then the graph may hold identities and links of records whose
 * data was not stored. Likewise a snapshot covers what SQLite holds; its graph reads are live.
 */
export function withIdentityGraphs(store: Store, graphs: IdentityGraphBackend): Store {
  const sandboxStore = (inner: SandboxStore): SandboxStore =>
    override(inner, {
      identities: graphs.repository(inner.sandbox),
      transaction: <T>(work: (tx: SandboxStore) => Promise<T>): Promise<T> =>
        inner.transaction((tx) => work(sandboxStore(tx))),
      // Neo4j has no snapshot to share with SQLite's: a view reads the graph as it is now.
      snapshot: <T>(work: (view: SandboxStore) => Promise<T>): Promise<T> =>
        inner.snapshot((view) => work(sandboxStore(view))),
    });
  const wrap = (inner: Store): Store =>
    override(inner, {
      scoped: (sandbox: string) => sandboxStore(inner.scoped(sandbox)),
      transaction: <T>(work: (tx: Store) => Promise<T>): Promise<T> =>
        inner.transaction((tx) => work(wrap(tx))),
      ping: async () => {
        await inner.ping();
        await graphs.ping();
      },
      close: async () => {
        try {
          await inner.close();
        } finally {
          await graphs.close();
        }
      },
    });
  return wrap(store);
}

/**
 * `inner` with some members replaced. Every other member — those the port has now and those it
 * gains later — is `inner`'s, so adding a repository to the port needs no change here.
 */
function override<T extends object, K extends keyof T>(inner: T, replaced: Pick<T, K>): T {
  return new Proxy(inner, {
    get: (target, property, receiver): unknown =>
      Object.hasOwn(replaced, property)
        ? (replaced as Record<PropertyKey, unknown>)[property]
        : Reflect.get(target, property, receiver),
  });
}
