import { forSandbox, type SandboxEvents } from '../realtime/EventBus';
import { DatasetService } from './catalog/DatasetService';
import { NamespaceService } from './catalog/NamespaceService';
import { SchemaService } from './catalog/SchemaService';
import { IdentityService } from './identity/IdentityService';
import { IngestionService } from './ingestion/IngestionService';
import { BatchService } from './batch/BatchService';
import { MergePolicyService } from './policies/MergePolicyService';
import { ProfileService } from './profiles/ProfileService';
import type { Platform } from './Platform';
import { SystemJobService } from './jobs/SystemJobService';
import { StoreStatusService } from './status/StoreStatusService';
import { RealtimeService } from './realtime/RealtimeService';
import { ComputedAttributeService } from './computed/ComputedAttributeService';
import { AudienceService } from './audiences/AudienceService';
import { ExportService } from './exports/ExportService';
import { AccountService } from './accounts/AccountService';

/** The services of one sandbox: built per request around that sandbox's store and events. */
export interface SandboxServices {
  readonly sandbox: string;
  readonly events: SandboxEvents;
  readonly namespaces: NamespaceService;
  readonly schemas: SchemaService;
  readonly datasets: DatasetService;
  readonly identity: IdentityService;
  readonly ingestion: IngestionService;
  readonly batches: BatchService;
  readonly policies: MergePolicyService;
  readonly profiles: ProfileService;
  readonly jobs: SystemJobService;
  readonly storeStatus: StoreStatusService;
  readonly realtime: RealtimeService;
  readonly computed: ComputedAttributeService;
  readonly audiences: AudienceService;
  readonly exports: ExportService;
  readonly accounts: AccountService;
}

export function createSandboxServices(platform: Platform, sandbox: string): SandboxServices {
  const deps = {
    store: platform.store.scoped(sandbox),
    clock: platform.clock,
    events: forSandbox(platform.bus, sandbox),
    status: {
      written: platform.summaries.written.bind(platform.summaries),
      refresh: () => {
        platform.summaries.schedule(sandbox);
      },
      flush: () => platform.summaries.flush(sandbox),
    },
  };
  const policies = new MergePolicyService(deps);
  const profiles = new ProfileService(deps, policies);
  const schemas = new SchemaService(deps);
  return {
    sandbox,
    events: deps.events,
    namespaces: new NamespaceService(deps),
    schemas,
    datasets: new DatasetService(deps),
    identity: new IdentityService(deps, platform.repairs),
    ingestion: new IngestionService(deps, platform.validators),
    batches: new BatchService(deps, platform.files, platform.batches),
    policies,
    profiles,
    jobs: new SystemJobService(deps, platform.jobs),
    storeStatus: new StoreStatusService(deps),
    realtime: new RealtimeService(deps),
    computed: new ComputedAttributeService(deps, policies),
    audiences: new AudienceService(deps, policies, profiles, platform.audiences),
    exports: new ExportService(deps, policies, schemas, platform.exports, platform.exportFiles),
    accounts: new AccountService(deps, policies, profiles),
  };
}
