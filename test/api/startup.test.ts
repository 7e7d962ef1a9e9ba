import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readyPort, startMain } from '../support/mainProcess';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('start-up and shutdown', () => {
  it('starts on the embedded store, serves, and exits cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-main-'));
    dirs.push(dir);
    const main = startMain({ PORT: '0', TESSERA_DATA: dir, LOG_LEVEL: 'info' });
    const port = await readyPort(main);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ identityNamespaces { code } }' }),
    });
    const body = (await res.json()) as { data: { identityNamespaces: unknown[] } };
    expect(body.data.identityNamespaces).toHaveLength(8);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain('shutting down');
  });

  it('answers introspection with NODE_ENV=production too (the Docker image sets it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-main-'));
    dirs.push(dir);
    const main = startMain({
      PORT: '0',
      TESSERA_DATA: dir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    });
    try {
      const port = await readyPort(main);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // What GraphiQL asks first, in short: without it, it shows no schema.
        body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
      });
      expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } finally {
      main.child.kill('SIGTERM');
      await main.exited;
    }
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const main = startMain({ PORT: 'eighty' });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain(
      'Tessera failed to start: Invalid configuration: PORT="eighty"',
    );
    expect(main.output()).not.toContain('    at ');
  });
});
