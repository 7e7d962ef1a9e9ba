import type { Batch, FailedRecord } from '../domain/batch/Batch';
import type { Dataset, IdentityNamespace, XdmSchema } from '../domain/catalog/types';
import type { GraphLink, GraphNode } from '../domain/identity/GraphNode';
import type { GraphChanges } from '../domain/identity/GraphWorkspace';
import type { IdentitySettings } from '../domain/identity/IdentitySettings';
import type { MergePolicy, PolicyClass } from '../domain/policies/MergePolicy';
import type { EventQuery, Fragment, StoredEvent } from '../domain/profile/Fragment';
import type { SchemaClass } from '../domain/enumValues';
import type { Sandbox } from '../domain/sandbox';
import type { SystemJob } from '../domain/jobs/SystemJob';
import type { GraphSummary, IdentityData } from '../domain/status/GraphSummary';
import type { StoreCounter } from '../domain/status/StoreCounter';
import type { ComputedAttribute } from '../domain/computed/ComputedAttribute';
import type { Audience, Membership } from '../domain/audiences/Audience';
import type { ExportJob } from '../domain/exports/ExportJob';

/**
 * The store as services see it. Everything but the sandbox registry is reached through
 * `scoped(sandbox)`, whose repositories read and write only that sandbox's rows (SEMANTICS §0):
 * a service holding a scoped handle cannot see another sandbox, by construction.
 */
export interface Store {
  readonly sandboxes: SandboxRepository;
  /** Batches still PROCESSING in any sandbox (to resume them after a restart). */
  processingBatches(): Promise<{ sandbox: string; id: string }[]>;
  /** System jobs not finished in any sandbox (to resume them after a restart). */
  pendingSystemJobs(): Promise<{ sandbox: string; id: string }[]>;
  /** Export jobs NEW or IN_PROGRESS in any sandbox (a restart interrupted them). */
  unfinishedExportJobs(): Promise<{ sandbox: string; id: string }[]>;
  scoped(sandbox: string): SandboxStore;
  /**
   * Runs `work` atomically, serialised with other transactions; `work` must use the store it
   * is given, and must not start another transaction.
   */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Resolves when the store answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SandboxRepository {
  list(): Promise<Sandbox[]>;
  get(name: string): Promise<Sandbox | undefined>;
  /** Inserts a new sandbox; false when the name is taken. */
  insert(sandbox: Sandbox): Promise<boolean>;
}

/** One sandbox's rows. */
export interface SandboxStore {
  readonly sandbox: string;
  readonly namespaces: NamespaceRepository;
  readonly schemas: SchemaRepository;
  readonly datasets: DatasetRepository;
  readonly identities: IdentityGraphRepository;
  readonly profiles: ProfileRepository;
  readonly batches: BatchRepository;
  readonly policies: MergePolicyRepository;
  readonly jobs: SystemJobRepository;
  readonly status: StoreStatusRepository;
  readonly computed: ComputedAttributeRepository;
  readonly audiences: AudienceRepository;
  readonly exports: ExportJobRepository;
  readonly accounts: AccountRelationRepository;
  /** As `Store.transaction`, within this sandbox. */
  transaction<T>(work: (store: SandboxStore) => Promise<T>): Promise<T>;
  /**
   * Runs `work` against a read-only view of this sandbox as it was when the view opened
   * (SEMANTICS §7, exports): it sees no write committed after that, and holds back no writer
   * however long it runs. `work` must only read through the view.
   */
  snapshot<T>(work: (view: SandboxStore) => Promise<T>): Promise<T>;
}

export interface NamespaceRepository {
  list(): Promise<IdentityNamespace[]>;
  /** Looks a code up case-insensitively (codes are unique that way). */
  find(code: string): Promise<IdentityNamespace | undefined>;
  /** The namespaces among these codes, compared case-insensitively; unknown codes are left out. */
  findMany(codes: readonly string[]): Promise<IdentityNamespace[]>;
  /** Inserts namespaces whose code is not taken (case-insensitively); returns how many were. */
  insertMissing(namespaces: readonly IdentityNamespace[]): Promise<number>;
}

export interface SchemaRepository {
  list(schemaClass?: SchemaClass): Promise<XdmSchema[]>;
  /** Schemas by id, in the order asked, undefined for unknown ids (DataLoader batches). */
  getMany(ids: readonly string[]): Promise<(XdmSchema | undefined)[]>;
  /** Looks a name up case-insensitively. */
  findByName(name: string): Promise<XdmSchema | undefined>;
  /** Inserts a new schema; false when its name is taken (case-insensitively). */
  insert(schema: XdmSchema): Promise<boolean>;
  /**
   * Replaces a schema if its stored version is still `expectedVersion` (optimistic
   * concurrency); false when it changed meanwhile.
   */
  update(schema: XdmSchema, expectedVersion: number): Promise<boolean>;
}

export interface DatasetRepository {
  list(): Promise<Dataset[]>;
  getMany(ids: readonly string[]): Promise<(Dataset | undefined)[]>;
  /**
   * The datasets among `ids` whose schema is of `schemaClass`, in no particular order: which
   * fragments a profile merges, read in one statement with their schemas' classes.
   */
  ofClass(ids: readonly string[], schemaClass: SchemaClass): Promise<Dataset[]>;
  /** Looks a name up case-insensitively. */
  findByName(name: string): Promise<Dataset | undefined>;
  /** Inserts a new dataset; false when its name is taken (case-insensitively). */
  insert(dataset: Dataset): Promise<boolean>;
  /** Replaces a dataset; the caller checks that a new name is free (inside its transaction). */
  update(dataset: Dataset): Promise<void>;
}

/** The identity graph (SEMANTICS §3). Rules live in the domain; this only persists. */
export interface IdentityGraphRepository {
  /**
   * Every identity and link of the graphs that hold any of `keys` (identity keys), in a
   * bounded number of queries whatever the number of keys.
   */
  loadGraphsOf(keys: readonly string[]): Promise<{ nodes: GraphNode[]; links: GraphLink[] }>;
  /** Every identity and link of these graphs. */
  loadGraphs(graphIds: readonly string[]): Promise<{ nodes: GraphNode[]; links: GraphLink[] }>;
  /** Every identity of these graphs, without their links (the cheaper read for walkers). */
  membersOf(graphIds: readonly string[]): Promise<GraphNode[]>;
  /** Ids of graphs (every graph with identities) after `after`, in order: a full scan in pages. */
  graphIdsAfter(after: string | null, limit: number): Promise<string[]>;
  /** Persists what a workspace changed. */
  save(changes: GraphChanges): Promise<void>;
  /** Ids of graphs that break the rules: too large, or two values of a unique namespace. */
  graphsBreaking(settings: IdentitySettings, limit: number): Promise<string[]>;
  /** The sandbox's settings; undefined until first changed (defaults apply). */
  settings(): Promise<IdentitySettings | undefined>;
  saveSettings(settings: IdentitySettings, at: Date): Promise<void>;
}

/** Fragments and events (SEMANTICS §2, §4). */
export interface ProfileRepository {
  /** Every fragment of these identities, in every dataset (profile lookups). */
  fragmentsOfIdentities(identityKeys: readonly string[]): Promise<Fragment[]>;
  /** Events of these identities, in [from, to), by timestamp then _id then dataset. */
  eventsOf(identityKeys: readonly string[], query: EventQuery): Promise<StoredEvent[]>;
  /** Which of these identities have at least one event. */
  identitiesWithEvents(identityKeys: readonly string[]): Promise<Set<string>>;
  /** The fragments of these identities in one dataset, by identity key. */
  fragmentsOf(datasetId: string, identityKeys: readonly string[]): Promise<Map<string, Fragment>>;
  putFragments(fragments: readonly Fragment[]): Promise<void>;
  /** Removes these identities' fragments in one dataset; returns how many there were. */
  deleteFragments(datasetId: string, identityKeys: readonly string[]): Promise<number>;
  /** Removes every fragment and event of these identities; returns how many of each. */
  deleteAllOf(identityKeys: readonly string[]): Promise<{ fragments: number; events: number }>;
  /** Which of these event ids one dataset already holds. */
  existingEventIds(datasetId: string, eventIds: readonly string[]): Promise<Set<string>>;
  insertEvents(events: readonly StoredEvent[]): Promise<void>;
  /** How many fragments and events each of these identities has, per dataset. */
  dataOf(identityKeys: readonly string[]): Promise<IdentityData[]>;
  /**
   * Deletes up to `limit` of a dataset's fragments and events (only the events one batch
   * wrote, when `batchId` is given) and says what it deleted; nothing deleted: none are left.
   */
  deleteChunk(datasetId: string, batchId: string | null, limit: number): Promise<DeletedRows>;
}

export interface DeletedRows {
  /** The identities whose rows were deleted. */
  identityKeys: string[];
  fragments: number;
  events: number;
}

/** Background deletions (SEMANTICS §4, system jobs). */
export interface SystemJobRepository {
  get(id: string): Promise<SystemJob | undefined>;
  /** Newest first. */
  list(): Promise<SystemJob[]>;
  insert(job: SystemJob): Promise<void>;
  update(job: SystemJob): Promise<void>;
}

/**
 * What the store status is read from (SEMANTICS §4): a summary per identity graph and counters
 * that are their sum. Writers mark the graphs they touch as stale, in their own transaction;
 * a background pass recomputes stale summaries and moves the counters by the difference.
 */
/** A graph marked for recomputation, with the summary its writer knew, if it knew it. */
export interface StaleGraph {
  graphId: string;
  known: GraphSummary | null;
}

export interface StoreStatusRepository {
  /**
   * Marks graphs for recomputation and, when given, moves `lastIngestedAt` forward. A graph
   * in `known` is marked with the summary its writer knows exactly (one it made of new
   * identities only), which the recomputation takes instead of reading the graph; marking a
   * graph without one drops a summary an earlier mark left.
   */
  markStale(
    graphIds: readonly string[],
    ingestedAt?: number,
    known?: readonly GraphSummary[],
  ): Promise<void>;
  staleGraphs(limit: number): Promise<StaleGraph[]>;
  /**
   * Marks every graph the status has summarised (plainly): the pass recomputes them all and
   * runs the work that rides on it for each. Graphs not summarised yet are marked already.
   */
  markAllStale(): Promise<void>;
  summaries(graphIds: readonly string[]): Promise<GraphSummary[]>;
  /**
   * Stores recomputed summaries (a graph without identities has none), adds the counter
   * deltas, and clears the stale marks of every graph in `graphIds`.
   */
  saveSummaries(
    graphIds: readonly string[],
    summaries: readonly GraphSummary[],
    deltas: readonly StoreCounter[],
  ): Promise<void>;
  /**
   * Stores the summaries of graphs new to the store and adds the counter deltas, with no mark
   * made or cleared: for a writer that made those graphs and knows them exactly.
   */
  addSummaries(summaries: readonly GraphSummary[], deltas: readonly StoreCounter[]): Promise<void>;
  counters(): Promise<{ counters: StoreCounter[]; lastIngestedAt: Date | null }>;
}

/** Profile exports (SEMANTICS §7); their files live outside the store. */
export interface ExportJobRepository {
  get(id: string): Promise<ExportJob | undefined>;
  /** Newest first. */
  list(): Promise<ExportJob[]>;
  insert(job: ExportJob): Promise<void>;
  update(job: ExportJob): Promise<void>;
}

/** Computed attribute definitions (SEMANTICS §5); values are computed at read time. */
export interface ComputedAttributeRepository {
  /** Oldest first. */
  list(): Promise<ComputedAttribute[]>;
  get(id: string): Promise<ComputedAttribute | undefined>;
  /** Inserts a new definition; false when its name is taken (case-insensitively). */
  insert(definition: ComputedAttribute): Promise<boolean>;
  /** Replaces a definition (its status, updatedAt). */
  update(definition: ComputedAttribute): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Audiences and their memberships (SEMANTICS §5). */
export interface AudienceRepository {
  /** Oldest first. */
  list(): Promise<Audience[]>;
  getMany(ids: readonly string[]): Promise<(Audience | undefined)[]>;
  /** Inserts a new audience; false when its name is taken (case-insensitively). */
  insert(audience: Audience): Promise<boolean>;
  /** Replaces an audience (its backfill progress, updatedAt). */
  update(audience: Audience): Promise<void>;
  /** Removes an audience and all its memberships. */
  delete(id: string): Promise<void>;
  /** The memberships, in any status, of these profiles in any audience. */
  membershipsOf(profileKeys: readonly string[]): Promise<Membership[]>;
  /** Inserts or replaces memberships, by (audience, profile key). */
  saveMemberships(memberships: readonly Membership[]): Promise<void>;
  /** Removes every membership of these profiles (profiles that no longer exist). */
  deleteMembershipsOf(profileKeys: readonly string[]): Promise<void>;
  /**
   * Current members (REALIZED or EXISTING) of one audience by profile key, after `after`:
   * pages of members, and the periodic sweep.
   */
  members(audienceId: string, after: string | null, limit: number): Promise<Membership[]>;
  /** How many current members (REALIZED or EXISTING) each audience has. */
  countMembers(audienceIds: readonly string[]): Promise<Map<string, number>>;
}

/** One person profile related to one account (SEMANTICS §8). */
export interface AccountRelation {
  /** The identity key of the account, as its relationship field names it. */
  accountKey: string;
  /** The person profile, keyed as audience memberships are (`g:<graph>` or `i:<identity>`). */
  profileKey: string;
  /** An identity of the profile, to look it up by. */
  identityKey: string;
}

/**
 * Which person profiles relate to which accounts (SEMANTICS §8): an index kept by the store
 * status's pass over changed graphs, read by `account.people`.
 */
export interface AccountRelationRepository {
  /** Removes every relation of these profiles, then stores `relations` (theirs). */
  replace(profileKeys: readonly string[], relations: readonly AccountRelation[]): Promise<void>;
  /**
   * The profiles related to any of these accounts (an account graph's identities), each once,
   * by profile key after `after`; `identityKey` is one of the profile's identities.
   */
  people(
    accountKeys: readonly string[],
    after: string | null,
    limit: number,
  ): Promise<{ profileKey: string; identityKey: string }[]>;
  /** How many distinct profiles relate to any of these accounts. */
  countPeople(accountKeys: readonly string[]): Promise<number>;
}

/** Batches and the records they could not store (SEMANTICS §2). */
export interface BatchRepository {
  get(id: string): Promise<Batch | undefined>;
  getMany(ids: readonly string[]): Promise<(Batch | undefined)[]>;
  list(datasetId?: string): Promise<Batch[]>;
  insert(batch: Batch): Promise<void>;
  /** Replaces a batch (status, files, counts, cursor). */
  update(batch: Batch): Promise<void>;
  /** Appends failed records, numbered after those already kept. */
  addFailures(batchId: string, failures: readonly FailedRecord[]): Promise<void>;
  /** Failed records in order, `first` from after position `after` (0: the start). */
  failures(
    batchId: string,
    after: number,
    first: number,
  ): Promise<{ seq: number; failure: FailedRecord }[]>;
  countFailures(batchId: string): Promise<number>;
}

/** Merge policies (SEMANTICS §4). */
export interface MergePolicyRepository {
  list(schemaClass?: PolicyClass): Promise<MergePolicy[]>;
  getMany(ids: readonly string[]): Promise<(MergePolicy | undefined)[]>;
  /** Inserts a new policy; false when its name is taken (case-insensitively). */
  insert(policy: MergePolicy): Promise<boolean>;
  update(policy: MergePolicy): Promise<void>;
  delete(id: string): Promise<void>;
}
