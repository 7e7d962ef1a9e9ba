import { type EventBus, forSandbox, type SandboxEvents } from '../realtime/EventBus';
import type { Store } from '../storage/ports';
import type { Clock } from './Clock';
import { DatasetService } from './catalog/DatasetService';
import { NamespaceService } from './catalog/NamespaceService';
import { SchemaService } from './catalog/SchemaService';

/** The services of one sandbox: built per request around that sandbox's store and events. */
export interface SandboxServices {
  readonly sandbox: string;
  readonly events: SandboxEvents;
  readonly namespaces: NamespaceService;
  readonly schemas: SchemaService;
  readonly datasets: DatasetService;
}

export function createSandboxServices(
  store: Store,
  bus: EventBus,
  sandbox: string,
  clock: Clock,
): SandboxServices {
  const deps = { store: store.scoped(sandbox), clock, events: forSandbox(bus, sandbox) };
  return {
    sandbox,
    events: deps.events,
    namespaces: new NamespaceService(deps),
    schemas: new SchemaService(deps),
    datasets: new DatasetService(deps),
  };
}
