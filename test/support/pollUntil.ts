/**
 * Reads `read` every `everyMs` until `done` holds for what it returned, and returns that;
 * fails after `timeoutMs`, saying what it last saw.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  describe: (value: T) => string,
  { everyMs = 20, timeoutMs = 20_000 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${describe(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
