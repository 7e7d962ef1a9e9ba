import type { CatalogChange } from '../../src/domain/catalog/CatalogChange';
import type { EventBus } from '../../src/realtime/EventBus';

/** The EventBus port's contract, written once and run against every adapter. */
export function describeEventBusContract(adapter: string, open: () => Promise<EventBus>): void {
  describe(`EventBus contract: ${adapter}`, () => {
    let bus: EventBus;
    let n = 0;
    const sandbox = () => `bus-${process.pid.toString(36)}-${(n++).toString(36)}`;

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

    it('delivers nothing published before the subscription', async () => {
      const s = sandbox();
      bus.publish(s, 'catalogChanged', change('early'));
      const later = take(bus.subscribe(s, 'catalogChanged'), 1);
      await settle();
      bus.publish(s, 'catalogChanged', change('late'));
      expect(await later).toEqual([change('late')]);
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

/** Lets a subscription register before publishing (adapters may subscribe asynchronously). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

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
