import { AppError } from '../domain/AppError';

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/**
 * One subscriber's iteration over the events delivered to it, holding at most `bufferSize`
 * unread ones. Delivery never waits for the reader: an event that finds the buffer full ends the
 * subscription instead (a slow subscriber does not slow ingestion), drops what it held, and the
 * next read fails with SUBSCRIBER_TOO_SLOW. `onEnd` runs once, however the subscription ends, so
 * the bus forgets it at once.
 */
export class BoundedSubscription<T> implements AsyncIterableIterator<T, undefined> {
  private readonly buffer: T[] = [];
  /** Reads waiting for an event; only ever non-empty while the buffer is empty. */
  private readonly readers: ((result: IteratorResult<T, undefined>) => void)[] = [];
  private failure: AppError | undefined;
  private ended = false;

  constructor(
    private readonly bufferSize: number,
    private readonly onEnd: () => void,
  ) {
    if (!Number.isInteger(bufferSize) || bufferSize < 1) {
      throw new RangeError(`bufferSize must be a positive integer, got ${bufferSize}`);
    }
  }

  /** Hands one event to the subscriber and returns at once, whatever the reader is doing. */
  deliver(value: T): void {
    if (this.ended) return;
    const reader = this.readers.shift();
    if (reader !== undefined) reader({ value, done: false });
    else if (this.buffer.length < this.bufferSize) this.buffer.push(value);
    else this.overflow();
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length > 0)
      return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    const failure = this.failure;
    if (failure !== undefined) {
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve) => this.readers.push(resolve));
  }

  /** The reader is done: forget buffered events and stop listening now. */
  return(): Promise<IteratorResult<T, undefined>> {
    this.buffer.length = 0;
    this.failure = undefined;
    this.end();
    return Promise.resolve(DONE);
  }

  /** Stops listening; the reader still gets what is buffered, then the iteration completes. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    for (const reader of this.readers.splice(0)) reader(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private overflow(): void {
    this.buffer.length = 0;
    this.failure = new AppError(
      'SUBSCRIBER_TOO_SLOW',
      `This subscription fell ${this.bufferSize} events behind and was ended so that it does ` +
        'not hold up the server. Read events as they arrive (or subscribe to fewer of them), ' +
        'then subscribe again; events published in between are not replayed.',
    );
    this.end();
  }
}
