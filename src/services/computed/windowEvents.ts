import type { StoredEvent } from '../../domain/profile/Fragment';
import { groupBy } from '../../domain/groupBy';
import { compareNewestFirst } from '../../domain/computed/compareNewestFirst';
import type { SandboxStore } from '../../storage/ports';

/** Identities per store read: keeps each query's parameter list bounded. */
const KEYS_PER_READ = 1000;

/**
 * The events since `from` (through the (identity, timestamp) index, never a scan of older
 * events) of several profiles at once, each given by the identities it stitches; newest first.
 */
export async function windowEvents(
  store: SandboxStore,
  profiles: readonly (readonly string[])[],
  from: number,
): Promise<StoredEvent[][]> {
  const keys = [...new Set(profiles.flat())];
  const read: StoredEvent[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_READ) {
    const chunk = keys.slice(i, i + KEYS_PER_READ);
    const query = { from, order: 'DESC' as const, limit: Number.MAX_SAFE_INTEGER };
    read.push(...(await store.profiles.eventsOf(chunk, query)));
  }
  const byIdentity = groupBy(read, (e) => e.identityKey);
  return profiles.map((stitched) => {
    const events = stitched.flatMap((key) => byIdentity.get(key) ?? []);
    return stitched.length > 1 ? events.sort(compareNewestFirst) : events;
  });
}
