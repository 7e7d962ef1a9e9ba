import { Subscribers } from '../../../src/realtime/Subscribers';

describe('Subscribers', () => {
  it('tells the transport when a channel gains its first subscriber and loses its last', async () => {
    const opened = jest.fn();
    const emptied = jest.fn();
    const subscribers = new Subscribers(10, { opened, emptied });
    const a = subscribers.add('c');
    const b = subscribers.add('c');
    expect(opened).toHaveBeenCalledTimes(1);
    await a.return();
    expect(emptied).not.toHaveBeenCalled();
    await b.return();
    expect(emptied).toHaveBeenCalledWith('c');
    expect(subscribers.has('c')).toBe(false);
    subscribers.add('c');
    expect(opened).toHaveBeenCalledTimes(2);
  });

  it('lets the others go on receiving when one overflows during delivery', async () => {
    const subscribers = new Subscribers(10);
    const slow = subscribers.add('c', 1);
    const fast = subscribers.add('c');
    for (const n of [1, 2, 3]) subscribers.deliver('c', n);
    expect(subscribers.count('c')).toBe(1);
    await expect(slow.next()).rejects.toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW' });
    const seen = [await fast.next(), await fast.next(), await fast.next()].map((r) => r.value);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('delivers nothing to other channels', async () => {
    const subscribers = new Subscribers();
    const a = subscribers.add('a');
    subscribers.deliver('b', 1);
    subscribers.deliver('a', 2);
    expect(await a.next()).toEqual({ done: false, value: 2 });
  });

  it('ends every subscription on close, and every later one at once', async () => {
    const subscribers = new Subscribers();
    const before = subscribers.add('a');
    subscribers.close();
    expect(subscribers.count('a')).toBe(0);
    expect(await before.next()).toEqual({ done: true, value: undefined });
    expect(await subscribers.add('a').next()).toEqual({ done: true, value: undefined });
  });
});
