import { ConfigError } from '../../src/config';
import type { CatalogChange } from '../../src/domain/catalog/CatalogChange';
import { InProcessEventBus } from '../../src/realtime/InProcessEventBus';
import { openEventBus } from '../../src/realtime/openEventBus';
import { RedisEventBus } from '../../src/realtime/RedisEventBus';
import { closedPort } from '../support/closedPort';
import { redisUnreachable } from '../support/redisUnreachable';
import { describeEventBusContract } from './eventBusContract';
import { withSilentServer } from '../support/silentServer';

/**
 * The bus on Redis, at REDIS_URL or a local default. Channels are per sandbox and every test
 * uses sandboxes of its own, so any Redis will do, and nothing is stored there.
 */
const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisEventBus.connect', () => {
  it('fails fast, naming REDIS_URL, when Redis is unreachable', async () => {
    const unreachable = `redis://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const opening = openEventBus({ REDIS_URL: unreachable });
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(`REDIS_URL="${unreachable}": cannot use Redis`);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('gives up on a server that accepts the connection but never answers', () =>
    withSilentServer(async (port) => {
      await expect(
        RedisEventBus.connect(`redis://127.0.0.1:${port}`, { timeoutMs: 300 }),
      ).rejects.toThrow('no answer within 300 ms');
    }));

  it('keeps a password out of the message', async () => {
    const withPassword = `redis://user:s3cret@127.0.0.1:${await closedPort()}`;
    const opening = RedisEventBus.connect(withPassword, { timeoutMs: 1000 });
    await expect(opening).rejects.toThrow('redis://user:***@127.0.0.1');
    await expect(opening).rejects.not.toThrow('s3cret');
  });

  it('is not used without REDIS_URL', async () => {
    const bus = await openEventBus({});
    expect(bus).toBeInstanceOf(InProcessEventBus);
    await bus.close();
  });
});

const unreachable = redisUnreachable(url);

if (unreachable !== undefined) {
  describe('Redis', () => {
    const reason = `no Redis answers at ${url} (${unreachable}; start one, or set REDIS_URL)`;
    test(`Redis contract skipped: ${reason}`, () => {
      console.warn(`Redis contract skipped: ${reason}`);
    });
  });
} else {
  describeEventBusContract(`Redis at ${url}`, () => RedisEventBus.connect(url));

  describe('RedisEventBus across replicas', () => {
    it('delivers what one replica publishes to subscribers on every replica', async () => {
      const [a, b] = [await RedisEventBus.connect(url), await RedisEventBus.connect(url)];
      try {
        const sandbox = `replicas-${process.pid.toString(36)}-${Date.now().toString(36)}`;
        const onA = a.subscribe(sandbox, 'catalogChanged')[Symbol.asyncIterator]();
        const onB = b.subscribe(sandbox, 'catalogChanged')[Symbol.asyncIterator]();
        await Promise.all([a.ready(), b.ready()]);
        const fromA: CatalogChange = {
          kind: 'SCHEMA',
          action: 'UPDATED',
          id: 's1',
          name: 'from A',
          at: new Date('2026-01-02T03:04:05.006Z'),
        };
        a.publish(sandbox, 'catalogChanged', fromA);
        expect((await onB.next()).value).toEqual(fromA);
        expect((await onA.next()).value).toEqual(fromA);
        // Only one replica's events keep their order, so B publishes once A's have arrived.
        b.publish(sandbox, 'catalogChanged', { ...fromA, name: 'from B' });
        expect((await onA.next()).value).toMatchObject({ name: 'from B' });
        expect((await onB.next()).value).toMatchObject({ name: 'from B' });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
