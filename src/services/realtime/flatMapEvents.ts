/**
 * Each event of `source` turned into zero or more events. Unlike an async generator, `return()`
 * reaches the source at once, even while waiting for its next event, so an unsubscribed
 * client stops listening immediately instead of at the next (possibly never) matching event.
 */
export function flatMapEvents<T, U>(
  source: AsyncIterable<T>,
  map: (event: T) => readonly U[],
): AsyncIterableIterator<U> {
  const events = source[Symbol.asyncIterator]();
  let pending: U[] = [];
  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });
  return {
    async next(): Promise<IteratorResult<U, undefined>> {
      while (pending.length === 0) {
        const next = await events.next();
        if (next.done === true) return done();
        pending = [...map(next.value)];
      }
      return { done: false, value: pending.shift() as U };
    },
    async return(): Promise<IteratorResult<U, undefined>> {
      pending = [];
      await events.return?.();
      return done();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
