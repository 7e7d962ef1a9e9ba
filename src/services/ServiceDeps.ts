import type { SandboxEvents } from '../realtime/EventBus';
import type { SandboxStore } from '../storage/ports';
import type { Clock } from './Clock';

/** What a sandbox's services work with: its store, the time, and its events. */
export interface ServiceDeps {
  readonly store: SandboxStore;
  readonly clock: Clock;
  readonly events: SandboxEvents;
}
