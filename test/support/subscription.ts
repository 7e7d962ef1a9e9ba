import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { Client } from 'graphql-ws';

export interface Subscription<R> {
  /** Every result received so far. */
  readonly received: ExecutionResult<R>[];
  /** Resolves with the first result satisfying `predicate`, calling `trigger` until it comes. */
  until(
    predicate: (r: ExecutionResult<R>) => boolean,
    trigger?: () => Promise<unknown>,
  ): Promise<ExecutionResult<R>>;
  stop(): void;
}

/**
 * Subscribes over graphql-ws. The server registers a subscription asynchronously after the
 * Subscribe message, so `until` re-runs the trigger until an event arrives instead of
 * publishing once and hoping.
 */
export function subscribe<R, V>(
  client: Client,
  doc: TypedDocumentNode<R, V>,
  variables?: V,
): Subscription<R> {
  const received: ExecutionResult<R>[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown;
  const stop = client.subscribe<R>(
    { query: print(doc), variables: variables as Record<string, unknown> | undefined },
    {
      next: (result) => {
        received.push(result as ExecutionResult<R>);
        for (const wake of waiters) wake();
      },
      error: (error) => {
        failure = error;
        for (const wake of waiters) wake();
      },
      complete: () => undefined,
    },
  );
  return {
    received,
    stop,
    async until(predicate, trigger) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        if (failure !== undefined)
          throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
        const found = received.find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline)
          throw new Error(`no matching event; got ${JSON.stringify(received)}`);
        if (trigger !== undefined) await trigger();
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 100);
        });
      }
    },
  };
}
