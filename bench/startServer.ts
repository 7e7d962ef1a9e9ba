import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period). Idempotent. */
  stop(): Promise<void>;
  /** Synchronous last resort for exit handlers: SIGKILL if still running. */
  killNow(): void;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 15_000;
const KILL_WAIT_MS = 5_000;
const TAIL_LINES = 20;

/**
 * Starts `dist/src/main.js` as a child process, so the server has a core of its own instead of
 * sharing the load generator's event loop. PORT=0 lets the server take a free port; its
 * "Tessera ready" log line says which.
 */
export async function startServer(repoRoot: string, dataDir: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...serverNodeArgs(), join(repoRoot, 'dist', 'src', 'main.js')],
    {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0', TESSERA_DATA: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  // Both pipes are read for the child's whole life: a full pipe would block the server.
  createInterface({ input: child.stderr }).on('line', remember);
  const lines = createInterface({ input: child.stdout });
  try {
    const port = await waitForReady(child, lines, remember, () => tail.join('\n'));
    return handle(child, port, exited);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
}

/** Extra node flags for the server (say `--cpu-prof`), from BENCH_SERVER_NODE_ARGS. */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}

function waitForReady(
  child: ChildProcess,
  lines: ReturnType<typeof createInterface>,
  remember: (line: string) => void,
  tail: () => string,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server not ready within ${READY_TIMEOUT_MS} ms:\n${tail()}`));
    }, READY_TIMEOUT_MS);
    lines.on('line', (line) => {
      remember(line);
      const port = readyPort(line);
      if (port !== undefined) {
        clearTimeout(timer);
        resolve(port);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before ready (code ${code}, signal ${signal}):\n${tail()}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The port from main's start-up line (pino JSON: `"port":N` and "Tessera ready"). */
function readyPort(line: string): number | undefined {
  if (!line.includes('Tessera ready')) return undefined;
  try {
    const entry = JSON.parse(line) as { port?: unknown };
    return typeof entry.port === 'number' ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

function handle(child: ChildProcess, port: number, exited: Promise<void>): ServerProcess {
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid!,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => (stopping ??= stopChild(child, exited)),
    killNow: () => {
      if (isRunning(child)) child.kill('SIGKILL');
    },
  };
}

// A child that never spawned has no pid and will never emit 'exit'.
const isRunning = (child: ChildProcess): boolean =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null;

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (!isRunning(child)) return;
  child.kill('SIGTERM');
  if (await within(exited, STOP_GRACE_MS)) return;
  child.kill('SIGKILL');
  if (!(await within(exited, KILL_WAIT_MS))) {
    throw new Error(`server pid ${child.pid} did not exit after SIGKILL`);
  }
}

/** Whether `promise` settles within `ms`. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
