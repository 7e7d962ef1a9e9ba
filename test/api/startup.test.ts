import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the compiled server exactly as `npm start` does (`npm test` builds it first). */
function startMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function output(child: ChildProcess): { text: () => string } {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { text: () => text };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
  });

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('start-up and shutdown', () => {
  it('starts on the embedded store, serves, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-main-'));
    dirs.push(dir);
    const child = startMain({ PORT: '0', TESSERA_DATA: dir, LOG_LEVEL: 'info' });
    const out = output(child);
    await waitFor(() => out.text().includes('Tessera ready'), 20_000);
    const port = Number(/"port":(\d+)/.exec(out.text())?.[1]);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ identityNamespaces { code } }' }),
    });
    expect(
      ((await res.json()) as { data: { identityNamespaces: unknown[] } }).data.identityNamespaces,
    ).toHaveLength(8);
    const exit = exited(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out.text()).toContain('shutting down');
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const child = startMain({ PORT: 'eighty' });
    const out = output(child);
    expect(await exited(child)).toBe(1);
    expect(out.text()).toContain('Tessera failed to start: Invalid configuration: PORT="eighty"');
    expect(out.text()).not.toContain('    at ');
  });
});
