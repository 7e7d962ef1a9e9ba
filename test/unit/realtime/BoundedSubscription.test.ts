import { AppError } from '../../../src/domain/AppError';
import { BoundedSubscription } from '../../../src/realtime/BoundedSubscription';

const DONE = { done: true, value: undefined };

function subscription(bufferSize: number) {
  const onEnd = jest.fn();
  return { sub: new BoundedSubscription<number>(bufferSize, onEnd), onEnd };
}

describe('BoundedSubscription', () => {
  it('hands events to a waiting reader, and buffers them for a later one, in order', async () => {
    const { sub } = subscription(3);
    const waiting = sub.next();
    sub.deliver(1);
    sub.deliver(2);
    sub.deliver(3);
    expect(await waiting).toEqual({ done: false, value: 1 });
    expect(await sub.next()).toEqual({ done: false, value: 2 });
    expect(await sub.next()).toEqual({ done: false, value: 3 });
  });

  it('holds up to bufferSize unread events', async () => {
    const { sub, onEnd } = subscription(2);
    sub.deliver(1);
    sub.deliver(2);
    expect(onEnd).not.toHaveBeenCalled();
    expect(await sub.next()).toEqual({ done: false, value: 1 });
  });

  it('ends at once when an event finds the buffer full, then fails the next read', async () => {
    const { sub, onEnd } = subscription(2);
    for (const n of [1, 2, 3]) sub.deliver(n);
    expect(onEnd).toHaveBeenCalledTimes(1);
    sub.deliver(4);
    const failure = await sub.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW' });
    expect((failure as AppError).message).toContain('fell 2 events behind');
    expect(await sub.next()).toEqual(DONE);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('forgets everything when returned, and completes a waiting read', async () => {
    const { sub, onEnd } = subscription(2);
    sub.deliver(1);
    await sub.return();
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(await sub.next()).toEqual(DONE);

    const other = subscription(2).sub;
    const waiting = other.next();
    await other.return();
    expect(await waiting).toEqual(DONE);
  });

  it('ignores events once ended, and lets the reader finish what it had when ended', async () => {
    const { sub } = subscription(2);
    sub.deliver(1);
    sub.end();
    sub.deliver(2);
    expect(await sub.next()).toEqual({ done: false, value: 1 });
    expect(await sub.next()).toEqual(DONE);
  });

  it('clears an overflow failure that the reader returned from', async () => {
    const { sub } = subscription(1);
    sub.deliver(1);
    sub.deliver(2);
    await sub.return();
    expect(await sub.next()).toEqual(DONE);
  });

  it('works with for await', async () => {
    const { sub } = subscription(5);
    sub.deliver(1);
    sub.deliver(2);
    sub.end();
    const seen: number[] = [];
    for await (const n of sub) seen.push(n);
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a buffer that cannot hold an event', () => {
    expect(() => new BoundedSubscription(0, jest.fn())).toThrow(RangeError);
    expect(() => new BoundedSubscription(1.5, jest.fn())).toThrow(RangeError);
  });
});
