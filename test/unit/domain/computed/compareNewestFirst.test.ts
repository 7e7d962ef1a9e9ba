import { compareNewestFirst } from '../../../../src/domain/computed/compareNewestFirst';

const at = (timestamp: number, eventId: string) => ({ timestamp, eventId });

describe('compareNewestFirst (SEMANTICS §5 "most recent")', () => {
  it.each<[string, ReturnType<typeof at>, ReturnType<typeof at>]>([
    ['a later timestamp', at(2, 'a'), at(1, 'z')],
    ['a greater event id on equal timestamps', at(1, 'b'), at(1, 'a')],
    ['a longer event id with the same start', at(1, 'ab'), at(1, 'a')],
    ['an id of a greater code point', at(1, '\u{10000}'), at(1, '\uFFFF')],
  ])('puts %s first', (_name, newer, older) => {
    expect(compareNewestFirst(newer, older)).toBeLessThan(0);
    expect(compareNewestFirst(older, newer)).toBeGreaterThan(0);
  });

  it('finds an event as new as itself', () => {
    expect(compareNewestFirst(at(5, 'x'), at(5, 'x'))).toBe(0);
  });

  it('sorts events newest first', () => {
    const events = [at(1, 'a'), at(3, 'a'), at(2, 'b'), at(2, 'c'), at(3, 'b')];
    expect(events.sort(compareNewestFirst)).toStrictEqual([
      at(3, 'b'),
      at(3, 'a'),
      at(2, 'c'),
      at(2, 'b'),
      at(1, 'a'),
    ]);
  });
});
