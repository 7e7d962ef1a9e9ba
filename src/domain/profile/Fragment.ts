/** SEMANTICS §2: one record's data, per (dataset, primary identity). Times are epoch ms. */
export interface Fragment {
  datasetId: string;
  identityKey: string;
  attributes: Record<string, unknown>;
  /** The source's extSourceSystemAudit.lastUpdatedDate, when the record carried one. */
  sourceUpdatedAt: number | null;
  /** When it was last written here. */
  updatedAt: number;
}

/** Where an event stands in the order events are read: timestamp, then _id, then dataset. */
export interface EventPosition {
  timestamp: number;
  eventId: string;
  datasetId: string;
}

export interface EventQuery {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  order: 'ASC' | 'DESC';
  /** Only events after this position, in the order asked. */
  after?: EventPosition;
  limit: number;
}

/** An experience event, stored under its primary identity. */
export interface StoredEvent {
  datasetId: string;
  eventId: string;
  identityKey: string;
  timestamp: number;
  data: Record<string, unknown>;
  batchId: string | null;
  ingestedAt: number;
}
