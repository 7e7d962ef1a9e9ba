import { spawnSync } from 'node:child_process';

/**
 * Why Redis cannot be used at `target`, or undefined when it answers. Jest registers tests
 * synchronously, so the check runs in a child process before the suite is declared.
 */
export function redisUnreachable(target: string): string | undefined {
  const probe = `
    const { Redis } = require('ioredis');
    const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 2000, retryStrategy: () => null });
    let failure;
    r.on('error', (e) => { failure = e; });
    r.connect().then(() => r.ping()).then(
      () => { r.disconnect(); process.exit(0); },
      (e) => { process.stderr.write((failure ?? e).message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', probe, target], {
    cwd: __dirname,
    encoding: 'utf8',
    timeout: 5000,
  });
  if (result.status === 0) return undefined;
  return result.stderr.trim() || (result.error?.message ?? 'no answer');
}
