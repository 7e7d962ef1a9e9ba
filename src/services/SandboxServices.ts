import type { Store } from '../storage/ports';
import type { Clock } from './Clock';
import { DatasetService } from './catalog/DatasetService';
import { NamespaceService } from './catalog/NamespaceService';
import { SchemaService } from './catalog/SchemaService';

/** The services of one sandbox: built per request around that sandbox's store handle. */
export interface SandboxServices {
  readonly sandbox: string;
  readonly namespaces: NamespaceService;
  readonly schemas: SchemaService;
  readonly datasets: DatasetService;
}

export function createSandboxServices(
  store: Store,
  sandbox: string,
  clock: Clock,
): SandboxServices {
  const scoped = store.scoped(sandbox);
  return {
    sandbox,
    namespaces: new NamespaceService(scoped, clock),
    schemas: new SchemaService(scoped, clock),
    datasets: new DatasetService(scoped, clock),
  };
}
