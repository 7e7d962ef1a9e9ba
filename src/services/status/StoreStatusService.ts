import { type StoreStatus, storeStatus } from '../../domain/status/storeStatus';
import type { ServiceDeps } from '../ServiceDeps';

/** SEMANTICS §4 (store status): exact counts read from maintained counters, never a scan. */
export class StoreStatusService {
  constructor(private readonly deps: ServiceDeps) {}

  async status(): Promise<StoreStatus> {
    // Graphs changed a moment ago may still wait for the background pass: count them first.
    await this.deps.status.flush();
    const { counters, lastIngestedAt } = await this.deps.store.status.counters();
    return storeStatus(counters, lastIngestedAt);
  }
}
