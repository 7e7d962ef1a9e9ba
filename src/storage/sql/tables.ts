/**
 * Row shapes of the SQL stores (SQLite now, PostgreSQL through the same queries later).
 * Times are epoch milliseconds (`Millis`: PostgreSQL returns bigint as a string), flags 0/1,
 * lists JSON text: portable across both dialects.
 * Every table but `sandboxes` is keyed by sandbox first (SEMANTICS §0).
 */
export type Millis = number | string;

export interface Tables {
  schema_migrations: { version: number; name: string; applied_at: Millis };
  sandboxes: { name: string; created_at: Millis };
  identity_namespaces: {
    sandbox: string;
    code_key: string;
    code: string;
    name: string;
    description: string | null;
    type: string;
    custom: number;
    created_at: Millis;
  };
  xdm_schemas: {
    sandbox: string;
    id: string;
    name: string;
    name_key: string;
    class: string;
    version: number;
    fields: string;
    identity_descriptors: string;
    relationships: string;
    profile_enabled: number;
    created_at: Millis;
    updated_at: Millis;
  };
  datasets: {
    sandbox: string;
    id: string;
    name: string;
    name_key: string;
    schema_id: string;
    profile_enabled: number;
    identity_enabled: number;
    upsert_enabled: number;
    event_ttl_days: number | null;
    created_at: Millis;
  };
  identities: {
    sandbox: string;
    key: string;
    namespace: string;
    id: string;
    type: string;
    first_seen: Millis;
    last_seen: Millis;
    graph_id: string;
  };
  identity_links: {
    sandbox: string;
    key: string;
    a: string;
    b: string;
    datasets: string;
    first_seen: Millis;
    last_seen: Millis;
    graph_id: string;
  };
  identity_settings: { sandbox: string; settings: string; updated_at: Millis };
  fragments: {
    sandbox: string;
    dataset_id: string;
    identity_key: string;
    attributes: string;
    source_updated_at: Millis | null;
    updated_at: Millis;
  };
  events: {
    sandbox: string;
    dataset_id: string;
    event_id: string;
    identity_key: string;
    timestamp: Millis;
    data: string;
    batch_id: string | null;
    ingested_at: Millis;
  };
  batches: {
    sandbox: string;
    id: string;
    dataset_id: string;
    format: string;
    operation: string;
    status: string;
    files: string;
    records_accepted: number;
    records_rejected: number;
    cursor_file: number;
    cursor_items: number;
    error: string | null;
    created_at: Millis;
    completed_at: Millis | null;
  };
  failed_records: {
    sandbox: string;
    batch_id: string;
    seq: number;
    file: string;
    line: number;
    errors: string;
    record: string | null;
  };
  merge_policies: {
    sandbox: string;
    id: string;
    name: string;
    name_key: string;
    schema_class: string;
    identity_stitching: string;
    attribute_merge: string;
    dataset_order: string;
    is_default: number;
    active_on_edge: number;
    version: number;
    updated_at: Millis;
  };
  system_jobs: {
    sandbox: string;
    id: string;
    type: string;
    status: string;
    dataset_id: string;
    batch_id: string | null;
    fragments_deleted: number;
    events_deleted: number;
    error: string | null;
    created_at: Millis;
    updated_at: Millis;
  };
  export_jobs: {
    sandbox: string;
    id: string;
    status: string;
    format: string;
    /** JSON list of dot paths; null: all attributes. */
    fields: string | null;
    /** JSON: the merge policy as the export uses it. */
    merge_policy: string;
    audience_id: string | null;
    include_events: number;
    events_since: Millis | null;
    profiles_exported: number;
    error: string | null;
    created_at: Millis;
    updated_at: Millis;
    finished_at: Millis | null;
  };
  graph_summaries: { sandbox: string; graph_id: string; datasets: string; namespaces: string };
  /** `summary`: the graph's summary (JSON) when its writer knew it; null: recompute. */
  stale_graphs: { sandbox: string; graph_id: string; summary: string | null };
  /** Counters of the store status; kind `lastIngestedAt` holds a time. */
  store_counters: { sandbox: string; kind: string; key: string; n: Millis };
  computed_attributes: {
    sandbox: string;
    id: string;
    name: string;
    name_key: string;
    description: string | null;
    function: string;
    field: string | null;
    field_kind: string | null;
    /** The `where` filters, a JSON array. */
    where_json: string;
    lookback_count: number;
    lookback_unit: string;
    status: string;
    created_at: Millis;
    updated_at: Millis;
  };
  audiences: {
    sandbox: string;
    id: string;
    name: string;
    name_key: string;
    description: string | null;
    /** The condition tree, JSON. */
    condition_json: string;
    merge_policy_id: string;
    backfill_done: number;
    backfill_cursor: string | null;
    backfill_evaluated: number;
    created_at: Millis;
    updated_at: Millis;
  };
  audience_members: {
    sandbox: string;
    audience_id: string;
    profile_key: string;
    identity_key: string;
    status: string;
    since: Millis;
  };
  account_relations: {
    sandbox: string;
    account_key: string;
    profile_key: string;
    identity_key: string;
  };
}
