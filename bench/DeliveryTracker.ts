import type { ProfileUpdate } from './ProfileSubscribers';
import { sleep } from './timing';

/** One update matched to the ingest call that caused it. */
interface Delivery {
  call: number;
  receivedNs: bigint;
  /** Receipt minus the change's commit time (`at`), in ms, on the shared wall clock. */
  sinceCommitMs: number;
}

/** What the measured calls delivered. */
export interface Deliveries {
  /** Changes sent to subscribed profiles: one update each is expected. */
  expected: number;
  delivered: number;
  /** Updates no measured call explains (e.g. a late warm-up change). */
  unexpected: number;
  /** Profiles left out of a call because their previous change had not arrived yet. */
  skipped: number;
  /** Per delivered update: receipt minus the return of its ingest call (negative: before). */
  latenciesMs: number[];
  /** Per delivered update: receipt minus the moment its ingest call was sent. */
  sinceSendMs: number[];
  sinceCommitMs: number[];
}

const NONE = -1;

/**
 * Matches subscribers' updates to the ingest calls that caused them. Before `startMeasuring`
 * it only notes which subscribers have seen an update (their subscription is registered).
 * Then calls take their profiles from `nextSubscribers`, which leaves out any profile whose
 * previous change has not arrived yet: each profile has at most one change in flight, so an
 * update names its call exactly, even when an overloaded server answers calls out of order.
 */
export class DeliveryTracker {
  private readonly seen: Uint8Array;
  private seenCount = 0;
  private measuring = false;
  /** Per subscriber: the call whose update it waits for, or NONE. */
  private readonly pendingCall: Int32Array;
  private cursor = 0;
  private readonly sentNs: bigint[] = [];
  private readonly returnedNs: (bigint | undefined)[] = [];
  private readonly deliveries: Delivery[] = [];
  private expected = 0;
  private unexpected = 0;
  private skipped = 0;

  constructor(readonly subscribers: number) {
    this.seen = new Uint8Array(subscribers);
    this.pendingCall = new Int32Array(subscribers).fill(NONE);
  }

  readonly onUpdate = (subscriber: number, update: ProfileUpdate, receivedNs: bigint): void => {
    if (!this.measuring) {
      if (this.seen[subscriber] === 0) this.seenCount += 1;
      this.seen[subscriber] = 1;
      return;
    }
    const call = this.pendingCall[subscriber]!;
    if (call === NONE) {
      this.unexpected += 1;
      return;
    }
    this.pendingCall[subscriber] = NONE;
    this.deliveries.push({ call, receivedNs, sinceCommitMs: Date.now() - Date.parse(update.at) });
  };

  /** Subscribers that have not seen an update yet. */
  unseen(): number[] {
    const list: number[] = [];
    for (let n = 0; n < this.subscribers; n++) if (this.seen[n] === 0) list.push(n);
    return list;
  }

  get registered(): number {
    return this.seenCount;
  }

  startMeasuring(): void {
    this.measuring = true;
  }

  /**
   * The profiles call `call` changes, about to be sent: the next `count` in round-robin
   * order, less those still waiting for their previous update (counted as skipped).
   */
  nextSubscribers(call: number, count: number): number[] {
    const picked: number[] = [];
    for (let looked = 0; looked < count; looked++) {
      const n = this.cursor;
      this.cursor = (this.cursor + 1) % this.subscribers;
      if (this.pendingCall[n] === NONE) {
        this.pendingCall[n] = call;
        picked.push(n);
      } else {
        this.skipped += 1;
      }
    }
    this.sentNs[call] = process.hrtime.bigint();
    this.expected += picked.length;
    return picked;
  }

  returned(call: number, atNs: bigint): void {
    this.returnedNs[call] = atNs;
  }

  /** Waits until every expected update arrived, or `timeoutMs` passed; whether all did. */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.deliveries.length < this.expected && Date.now() < deadline) await sleep(20);
    return this.deliveries.length >= this.expected;
  }

  /** Latencies of the updates whose call returned (a failed call has no return time). */
  results(): Deliveries {
    const latenciesMs: number[] = [];
    const sinceSendMs: number[] = [];
    for (const d of this.deliveries) {
      const returned = this.returnedNs[d.call];
      if (returned !== undefined) latenciesMs.push(Number(d.receivedNs - returned) / 1e6);
      sinceSendMs.push(Number(d.receivedNs - this.sentNs[d.call]!) / 1e6);
    }
    return {
      expected: this.expected,
      delivered: this.deliveries.length,
      unexpected: this.unexpected,
      skipped: this.skipped,
      latenciesMs,
      sinceSendMs,
      sinceCommitMs: this.deliveries.map((d) => d.sinceCommitMs),
    };
  }
}
