import type { StoredEvent } from '../../domain/profile/Fragment';
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
  const byIdentity = new Map<string, StoredEvent[]>();
  for (let i = 0; i < keys.length; i += KEYS_PER_READ) {
    const chunk = keys.slice(i, i + KEYS_PER_READ);
    const events = await store.profiles.eventsOf(chunk, {
      from,
      order: 'DESC',
      limit: Number.MAX_SAFE_INTEGER,
    });
    for (const event of events) {
      const list = byIdentity.get(event.identityKey);
      if (list === undefined) byIdentity.set(event.identityKey, [event]);
      else list.push(event);
    }
  }
  return profiles.map((stitched) => {
    const events = stitched.flatMap((key) => byIdentity.get(key) ?? []);
    return stitched.length > 1 ? events.sort(compareNewestFirst) : events;
  });
}
