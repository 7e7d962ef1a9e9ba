import type { GraphQLClient } from './graphqlClient';
import { ingest, type IngestInput } from './ingestCalls';
import { errorMessage, secondsSince, sleep } from './timing';

export interface SteadyOptions {
  /** Calls started per second, whether or not earlier ones have answered. */
  rate: number;
  calls: number;
}

export interface SteadyRun {
  /** From the first call sent to the last answer. */
  seconds: number;
  /** Calls sent: those `inputFor` had nothing for are not. */
  sent: number;
  accepted: number;
  rejected: number;
  failed: number;
  /** The first failure's message, if any. */
  firstError: string | undefined;
  callLatenciesMs: number[];
}

/**
 * Starts call k at k / rate seconds (open loop: a slow answer does not delay the next call,
 * so the offered load stays the same however the server copes), and waits for every answer.
 * `inputFor` runs just before a call is due to be sent (undefined: nothing to send this time),
 * `onReturn` as soon as the call has answered.
 */
export async function steadyIngest(
  client: GraphQLClient,
  options: SteadyOptions,
  inputFor: (call: number) => IngestInput | undefined,
  onReturn: (call: number, atNs: bigint) => void,
): Promise<SteadyRun> {
  const run: SteadyRun = {
    seconds: 0,
    sent: 0,
    accepted: 0,
    rejected: 0,
    failed: 0,
    firstError: undefined,
    callLatenciesMs: [],
  };
  const start = process.hrtime.bigint();
  const answers: Promise<void>[] = [];
  for (let call = 0; call < options.calls; call++) {
    const dueMs = (call * 1000) / options.rate - secondsSince(start) * 1000;
    if (dueMs > 1) await sleep(dueMs);
    const input = inputFor(call);
    if (input === undefined) continue;
    run.sent += 1;
    const sent = process.hrtime.bigint();
    answers.push(
      ingest(client, input).then(
        (counts) => {
          const now = process.hrtime.bigint();
          onReturn(call, now);
          run.callLatenciesMs.push(Number(now - sent) / 1e6);
          run.accepted += counts.accepted;
          run.rejected += counts.rejected;
        },
        (error: unknown) => {
          run.failed += 1;
          run.firstError ??= errorMessage(error);
        },
      ),
    );
  }
  await Promise.all(answers);
  run.seconds = secondsSince(start);
  return run;
}
