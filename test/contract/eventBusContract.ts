import { AppError } from '../../src/domain/AppError';
import type { CatalogChange } from '../../src/domain/catalog/CatalogChange';
import type { EventBus, Topic } from '../../src/realtime/EventBus';

/** What the contract needs of an adapter besides the port, to see that nothing leaks. */
export interface BusUnderTest extends EventBus {
  subscriberCount(sandbox: string, topic: Topic): number;
  /** Resolves once subscriptions made so far are active (adapters that subscribe remotely). */
  ready?(): Promise<void>;
}

/** The EventBus port's contract, written once and run against every adapter. */
export function describeEventBusContract(adapter: string, open: () => Promise<BusUnderTest>): void {
  describe(`EventBus contract: ${adapter}`, () => {
    let bus: BusUnderTest;
    let n = 0;
    const sandbox = () => `bus-${process.pid.toString(36)}-${(n++).toString(36)}`;
    /** Lets subscriptions register before publishing (adapters may subscribe asynchronously). */
    const settle = async () => {
      await bus.ready?.();
      await sleep(50);
    };

    beforeAll(async () => {
      bus = await open();
    });
    afterAll(async () => {
      await bus.close();
    });

    it('delivers events, in publish order, to every subscriber of the sandbox', async () => {
      const s = sandbox();
      const first = take(bus.subscribe(s, 'catalogChanged'), 3);
      const second = take(bus.subscribe(s, 'catalogChanged'), 3);
      await settle();
      const sent = [change('a'), change('b'), change('c')];
      for (const c of sent) bus.publish(s, 'catalogChanged', c);
      expect(await first).toEqual(sent);
      expect(await second).toEqual(sent);
    });

    it('keeps sandboxes apart', async () => {
      const [a, b] = [sandbox(), sandbox()];
      const inA = take(bus.subscribe(a, 'catalogChanged'), 1);
      await settle();
      bus.publish(b, 'catalogChanged', change('for-b'));
      bus.publish(a, 'catalogChanged', change('for-a'));
      expect(await inA).toEqual([change('for-a')]);
    });

    it('keeps topics apart', async () => {
      const s = sandbox();
      const catalog = take(bus.subscribe(s, 'catalogChanged'), 1);
      const batches = take(bus.subscribe(s, 'batchChanged'), 2);
      await settle();
      bus.publish(s, 'batchChanged', { batchId: 'b1' });
      bus.publish(s, 'catalogChanged', change('c1'));
      bus.publish(s, 'batchChanged', { batchId: 'b2' });
      expect(await catalog).toEqual([change('c1')]);
      expect(await batches).toEqual([{ batchId: 'b1' }, { batchId: 'b2' }]);
    });

    it('delivers nothing published before the subscription', async () => {
      const s = sandbox();
      bus.publish(s, 'catalogChanged', change('early'));
      // Published means arrived: over Redis the PUBLISH travels on another connection.
      await settle();
      const later = take(bus.subscribe(s, 'catalogChanged'), 1);
      await settle();
      bus.publish(s, 'catalogChanged', change('late'));
      expect(await later).toEqual([change('late')]);
    });

    it('delivers Dates as Dates', async () => {
      const s = sandbox();
      const got = take(bus.subscribe(s, 'catalogChanged'), 1);
      await settle();
      bus.publish(s, 'catalogChanged', change('dated'));
      const [received] = await got;
      expect(received?.at).toBeInstanceOf(Date);
      expect(received?.at.toISOString()).toBe('2026-03-04T05:06:07.089Z');
    });

    it('ends only the subscription that falls behind, with SUBSCRIBER_TOO_SLOW', async () => {
      const s = sandbox();
      const slow = bus.subscribe(s, 'catalogChanged', { bufferSize: 3 })[Symbol.asyncIterator]();
      const fast = take(bus.subscribe(s, 'catalogChanged'), 10);
      await settle();
      const sent = Array.from({ length: 10 }, (_, i) => change(`e${i}`));
      for (const c of sent) bus.publish(s, 'catalogChanged', c);
      expect(await fast).toEqual(sent);
      // Ended when it overflowed, not when its reader came back.
      expect(bus.subscriberCount(s, 'catalogChanged')).toBe(0);
      const failure = await slow.next().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW' });
      expect((failure as Error).message).toMatch(/subscribe again/);
      expect(await slow.next()).toEqual({ done: true, value: undefined });
    });

    it('stops delivering, and forgets the subscriber, when the iteration is returned', async () => {
      const s = sandbox();
      const events = bus.subscribe(s, 'catalogChanged')[Symbol.asyncIterator]();
      await settle();
      bus.publish(s, 'catalogChanged', change('one'));
      expect(await events.next()).toEqual({ done: false, value: change('one') });
      expect(bus.subscriberCount(s, 'catalogChanged')).toBe(1);
      await events.return?.();
      expect(bus.subscriberCount(s, 'catalogChanged')).toBe(0);
      for (let i = 0; i < 100; i++) bus.publish(s, 'catalogChanged', change(`after-${i}`));
      await settle();
      expect(await events.next()).toEqual({ done: true, value: undefined });
    });

    it('completes a waiting read when the iteration is returned', async () => {
      const events = bus.subscribe(sandbox(), 'catalogChanged')[Symbol.asyncIterator]();
      const waiting = events.next();
      await events.return?.();
      expect(await waiting).toEqual({ done: true, value: undefined });
    });

    it('ends its subscriptions on close, and ignores publishing afterwards', async () => {
      const own = await open();
      const s = sandbox();
      const events = own.subscribe(s, 'catalogChanged')[Symbol.asyncIterator]();
      const waiting = events.next();
      await own.close();
      expect(await waiting).toEqual({ done: true, value: undefined });
      expect(own.subscriberCount(s, 'catalogChanged')).toBe(0);
      expect(() => {
        own.publish(s, 'catalogChanged', change('late'));
      }).not.toThrow();
      const afterClose = own.subscribe(s, 'catalogChanged')[Symbol.asyncIterator]();
      expect(await afterClose.next()).toEqual({ done: true, value: undefined });
      await own.close();
    });
  });
}

const change = (id: string): CatalogChange => ({
  kind: 'DATASET',
  action: 'CREATED',
  id,
  name: `dataset ${id}`,
  at: new Date('2026-03-04T05:06:07.089Z'),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first `count` events of an iterable, then stops listening; fails after 5 s. */
async function take<T>(events: AsyncIterable<T>, count: number): Promise<T[]> {
  const got: T[] = [];
  const iterator = events[Symbol.asyncIterator]();
  const timeout = setTimeout(() => void iterator.return?.(), 5000);
  try {
    while (got.length < count) {
      const next = await iterator.next();
      if (next.done === true) throw new Error(`iteration ended after ${got.length} events`);
      got.push(next.value);
    }
    return got;
  } finally {
    clearTimeout(timeout);
    await iterator.return?.();
  }
}
