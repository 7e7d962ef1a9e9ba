import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface MainProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
}

/** Runs the compiled server exactly as `npm start` does (`npm test` builds it first). */
export function startMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
  });
  return { child, output: () => text, exited };
}

export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the ready line and returns the port it listens on. */
export async function readyPort(main: MainProcess): Promise<number> {
  await waitFor(() => main.output().includes('Tessera ready'), 20_000, 'the server to start');
  return Number(/"port":(\d+)/.exec(main.output())?.[1]);
}
