import type { SandboxService } from '../services/SandboxService';
import type { SandboxServices } from '../services/SandboxServices';
import type { Loaders } from './loaders';

/** What every resolver gets: its sandbox's services and this request's loaders. */
export interface Context {
  readonly sandbox: string;
  readonly services: SandboxServices;
  readonly sandboxes: SandboxService;
  readonly loaders: Loaders;
}
