import type { Condition, ProfileFacts } from '../../../../src/domain/audiences/Audience';
import { compileCondition } from '../../../../src/domain/audiences/compileCondition';
import type { FilterOperator } from '../../../../src/domain/filters/FieldFilter';
import { DAY, HOUR, NOW, attr, comp, days, eventAgo, evt, facts, hours } from './fixtures';

const PROFILE = facts({
  attributes: {
    email: 'ada@example.com',
    tier: 'gold',
    age: 36,
    optIn: false,
    nothing: null,
    joined: '2024-01-10T09:00:00Z',
    tags: ['vip', 'eu'],
    person: { name: { last: 'Lovelace' } },
  },
  computed: new Map<string, unknown>([
    ['lifetimeValue', 250.5],
    ['orders', 0],
    ['lastSkus', ['A-1', 'B-2']],
    ['lastSeen', '2024-03-14T08:00:00+01:00'],
    ['nullValue', null],
  ]),
});

const holds = (condition: Condition, on: ProfileFacts = PROFILE): boolean =>
  compileCondition(condition)(on);

type Row = [op: FilterOperator, target: string, value: unknown, expected: boolean];

describe('compileCondition: attribute conditions test merged attributes (SEMANTICS §5)', () => {
  it.each<Row>([
    ['EQ', 'tier', 'gold', true],
    ['EQ', 'tier', 'Gold', false],
    ['EQ', 'person.name.last', 'Lovelace', true],
    ['EQ', 'missing', null, true],
    ['EQ', 'nothing', null, true],
    ['EQ', 'tags', ['vip', 'eu'], true],
    ['NE', 'tier', 'silver', true],
    ['NE', 'tier', 'gold', false],
    ['NE', 'missing', 'x', true],
    ['LT', 'age', 37, true],
    ['LT', 'age', 36, false],
    ['LTE', 'age', 36, true],
    ['LTE', 'age', 35, false],
    ['GT', 'age', 35, true],
    ['GT', 'age', 36, false],
    ['GTE', 'age', 36, true],
    ['GTE', 'age', '36', false],
    ['GT', 'joined', '2024-01-10T10:00:00+02:00', true],
    ['LT', 'joined', '2024-01-10T10:00:00+02:00', false],
    ['EXISTS', 'email', true, true],
    ['EXISTS', 'nothing', true, false],
    ['EXISTS', 'missing', false, true],
    ['EXISTS', 'optIn', false, false],
    ['IN', 'tier', ['silver', 'gold'], true],
    ['IN', 'tier', ['silver'], false],
    ['IN', 'tags', ['eu'], true],
    ['CONTAINS', 'email', '@example', true],
    ['CONTAINS', 'email', '@EXAMPLE', false],
    ['CONTAINS', 'tags', 'vip', true],
    ['CONTAINS', 'tags', 'vi', false],
  ])('%s %s %j → %s', (op, path, value, expected) => {
    expect(holds(attr(path, op, value))).toBe(expected);
  });

  it('reads EXISTS left out as true', () => {
    expect(holds(attr('email', 'EXISTS'))).toBe(true);
    expect(holds(attr('missing', 'EXISTS'))).toBe(false);
  });

  it('reads attributes only, not computed values or event data', () => {
    const other = facts({
      computed: new Map([['tier', 'gold']]),
      events: [eventAgo(0, { tier: 'gold' })],
    });
    expect(holds(attr('tier', 'EQ', 'gold'), other)).toBe(false);
  });
});

describe('compileCondition: computed conditions test the computed value (SEMANTICS §5)', () => {
  it.each<Row>([
    ['EQ', 'lifetimeValue', 250.5, true],
    ['EQ', 'lifetimeValue', 250, false],
    ['EQ', 'orders', 0, true],
    ['EQ', 'orders', null, false],
    ['EQ', 'nullValue', null, true],
    ['EQ', 'absent', null, true],
    ['NE', 'orders', 1, true],
    ['NE', 'orders', 0, false],
    ['NE', 'absent', 0, true],
    ['NE', 'absent', null, false],
    ['LT', 'lifetimeValue', 300, true],
    ['LT', 'lifetimeValue', 250.5, false],
    ['LTE', 'lifetimeValue', 250.5, true],
    ['LTE', 'absent', 1, false],
    ['GT', 'orders', -1, true],
    ['GT', 'orders', 0, false],
    ['GTE', 'orders', 0, true],
    ['GTE', 'absent', 0, false],
    ['GT', 'lastSeen', '2024-03-14T06:59:59Z', true],
    ['GT', 'lastSeen', '2024-03-14T07:00:00Z', false],
    ['EXISTS', 'orders', true, true],
    ['EXISTS', 'nullValue', true, false],
    ['EXISTS', 'absent', true, false],
    ['EXISTS', 'absent', false, true],
    ['EXISTS', 'orders', false, false],
    ['IN', 'orders', [0, 1], true],
    ['IN', 'orders', ['0'], false],
    ['IN', 'absent', [null], true],
    ['IN', 'lastSkus', ['B-2', 'C-3'], true],
    ['CONTAINS', 'lastSkus', 'A-1', true],
    ['CONTAINS', 'lastSkus', 'A', false],
    ['CONTAINS', 'lastSeen', '2024-03-14', true],
    ['CONTAINS', 'absent', 'x', false],
  ])('%s %s %j → %s', (op, name, value, expected) => {
    expect(holds(comp(name, op, value))).toBe(expected);
  });

  it('reads EXISTS left out as true', () => {
    expect(holds(comp('orders', 'EXISTS'))).toBe(true);
    expect(holds(comp('absent', 'EXISTS'))).toBe(false);
  });

  it('reads its own computed attribute, not attributes of the same name', () => {
    const other = facts({ attributes: { orders: 5 } });
    expect(holds(comp('orders', 'EQ', 5), other)).toBe(false);
  });

  it('reads a value that is itself an object holding "value" as that object', () => {
    const other = facts({ computed: new Map([['x', { value: 1 }]]) });
    expect(holds(comp('x', 'EQ', { value: 1 }), other)).toBe(true);
    expect(holds(comp('x', 'EQ', 1), other)).toBe(false);
  });
});

describe('compileCondition: and, or, not (SEMANTICS §5)', () => {
  const T = attr('tier', 'EQ', 'gold');
  const F = attr('tier', 'EQ', 'silver');
  it.each<[string, Condition, boolean]>([
    ['and of trues', { and: [T, T] }, true],
    ['and with a false', { and: [T, F] }, false],
    ['and of one', { and: [F] }, false],
    ['or with a true', { or: [F, T] }, true],
    ['or of falses', { or: [F, F] }, false],
    ['not of true', { not: T }, false],
    ['not of false', { not: F }, true],
    ['not of not', { not: { not: T } }, true],
    ['and of or and not', { and: [{ or: [F, T] }, { not: F }] }, true],
    ['or of ands', { or: [{ and: [T, F] }, { and: [F, T] }] }, false],
    ['not of an and', { not: { and: [T, F] } }, true],
    ['mixed leaves', { and: [T, comp('lifetimeValue', 'GT', 100), { not: evt(days(1)) }] }, true],
  ])('%s → %s', (_name, condition, expected) => {
    expect(holds(condition)).toBe(expected);
  });

  it('reads each filter once, when compiled, not at each evaluation', () => {
    let reads = 0;
    const filter = {
      path: 'tier',
      get op(): FilterOperator {
        reads += 1;
        return 'EQ';
      },
      get value(): unknown {
        reads += 1;
        return 'gold';
      },
    };
    const test = compileCondition({ not: { attribute: filter } });
    const compiled = reads;
    expect(compiled).toBeGreaterThan(0);
    expect([test(PROFILE), test(PROFILE), test(facts())]).toEqual([false, false, true]);
    expect(reads).toBe(compiled);
  });
});

describe('compileCondition: event conditions count events in the window (SEMANTICS §5)', () => {
  const purchase = { eventType: 'purchase', total: 30 };
  const view = { eventType: 'view' };
  const PURCHASES = [{ path: 'eventType', op: 'EQ' as const, value: 'purchase' }];

  it.each<[string, ProfileFacts['events'], boolean]>([
    ['no events', [], false],
    ['one event now', [eventAgo(0)], true],
    ['one event just inside the window', [eventAgo(HOUR - 1)], true],
    ['one event exactly at the window start (inclusive)', [eventAgo(HOUR)], true],
    ['one event just before the window', [eventAgo(HOUR + 1)], false],
    ['one event after now', [eventAgo(-1)], false],
    ['one event long after now', [eventAgo(-DAY)], false],
  ])('within 1 hour, minCount 1: %s → %s', (_name, events, expected) => {
    expect(holds(evt(hours(1)), facts({ events }))).toBe(expected);
  });

  it.each<[string, ProfileFacts['events'], boolean]>([
    ['none matching', [eventAgo(0, view), eventAgo(1, view)], false],
    ['one matching of two needed', [eventAgo(0, purchase), eventAgo(1, view)], false],
    [
      'two matching',
      [eventAgo(0, purchase), eventAgo(DAY, view), eventAgo(2 * DAY, purchase)],
      true,
    ],
    [
      'two matching, one out of the window',
      [eventAgo(0, purchase), eventAgo(8 * DAY, purchase)],
      false,
    ],
    ['two matching, one after now', [eventAgo(0, purchase), eventAgo(-1, purchase)], false],
    [
      'more than enough',
      [eventAgo(0, purchase), eventAgo(1, purchase), eventAgo(2, purchase)],
      true,
    ],
    [
      'in any order',
      [
        eventAgo(9 * DAY, purchase),
        eventAgo(3, purchase),
        eventAgo(-5, purchase),
        eventAgo(4, purchase),
      ],
      true,
    ],
  ])('purchases within 7 days, minCount 2: %s → %s', (_name, events, expected) => {
    expect(holds(evt(days(7), PURCHASES, 2), facts({ events }))).toBe(expected);
  });

  it('needs every where filter to match', () => {
    const where = [...PURCHASES, { path: 'total', op: 'GTE' as const, value: 50 }];
    const events = [eventAgo(0, purchase), eventAgo(1, { eventType: 'purchase', total: 50 })];
    expect(holds(evt(days(1), where, 1), facts({ events }))).toBe(true);
    expect(holds(evt(days(1), where, 2), facts({ events }))).toBe(false);
  });

  it('counts every event when it has no where filters', () => {
    const events = [eventAgo(0, purchase), eventAgo(1, view), eventAgo(2, {})];
    expect(holds(evt(days(1), [], 3), facts({ events }))).toBe(true);
    expect(holds(evt(days(1), [], 4), facts({ events }))).toBe(false);
  });

  it('moves the window with each evaluation’s now', () => {
    const test = compileCondition(evt(hours(2)));
    const events = [eventAgo(0)];
    expect(test(facts({ events, now: NOW }))).toBe(true);
    expect(test(facts({ events, now: NOW + 2 * HOUR }))).toBe(true);
    expect(test(facts({ events, now: NOW + 2 * HOUR + 1 }))).toBe(false);
    expect(test(facts({ events, now: NOW - 1 }))).toBe(false);
  });

  it('looks back calendar months', () => {
    const start = Date.UTC(2024, 1, 15, 12); // 1 month before 2024-03-15T12:00Z
    const at = (timestamp: number): ProfileFacts => facts({ events: [{ timestamp, data: {} }] });
    const oneMonth = evt({ count: 1, unit: 'MONTHS' });
    expect(holds(oneMonth, at(start))).toBe(true);
    expect(holds(oneMonth, at(start - 1))).toBe(false);
  });

  it('stops counting at minCount', () => {
    const unread = {
      timestamp: NOW,
      get data(): Record<string, unknown> {
        throw new Error('read past minCount');
      },
    };
    const events = [eventAgo(0, purchase), eventAgo(1, view), eventAgo(2, purchase), unread];
    expect(holds(evt(days(1), PURCHASES, 2), facts({ events }))).toBe(true);
    expect(() => holds(evt(days(1), PURCHASES, 3), facts({ events }))).toThrow('read past');
  });

  it('reads event data only, not attributes', () => {
    const other = facts({ attributes: { eventType: 'purchase' }, events: [eventAgo(0, view)] });
    expect(holds(evt(days(1), PURCHASES), other)).toBe(false);
  });
});
