import type { Condition } from '../../../../src/domain/audiences/Audience';
import { type ChangedData, affectedBy } from '../../../../src/domain/audiences/affectedBy';
import {
  type ConditionNeeds,
  conditionNeeds,
} from '../../../../src/domain/audiences/conditionNeeds';
import { DAY, HOUR, NOW, attr, comp, days, evt, hours } from './fixtures';

const ATTRIBUTE = attr('tier', 'EQ', 'gold');
const COMPUTED = comp('orders', 'GT', 1);
const EVENT = evt(hours(3));

/** The needs as plain data, the window start read at NOW. */
const needsAtNow = (condition: Condition): object => {
  const { eventWindowStart, ...rest } = conditionNeeds(condition);
  return { ...rest, startAtNow: eventWindowStart(NOW) };
};

describe('conditionNeeds (SEMANTICS §5)', () => {
  it.each<[string, Condition, object]>([
    [
      'an attribute condition',
      ATTRIBUTE,
      {
        attributes: true,
        computed: new Set(),
        events: false,
        timeDependent: false,
        startAtNow: null,
      },
    ],
    [
      'a computed condition',
      COMPUTED,
      {
        attributes: false,
        computed: new Set(['orders']),
        events: false,
        timeDependent: true,
        startAtNow: null,
      },
    ],
    [
      'an event condition',
      EVENT,
      {
        attributes: false,
        computed: new Set(),
        events: true,
        timeDependent: true,
        startAtNow: NOW - 3 * HOUR,
      },
    ],
    [
      'every kind, under and, or and not',
      {
        or: [
          { not: ATTRIBUTE },
          { and: [COMPUTED, comp('lifetimeValue', 'EXISTS'), { not: { not: EVENT } }] },
          comp('orders', 'LT', 9),
        ],
      },
      {
        attributes: true,
        computed: new Set(['orders', 'lifetimeValue']),
        events: true,
        timeDependent: true,
        startAtNow: NOW - 3 * HOUR,
      },
    ],
    [
      'attributes only, nested',
      { and: [ATTRIBUTE, { not: attr('email', 'EXISTS') }] },
      {
        attributes: true,
        computed: new Set(),
        events: false,
        timeDependent: false,
        startAtNow: null,
      },
    ],
  ])('%s', (_name, condition, expected) => {
    expect(needsAtNow(condition)).toEqual(expected);
  });

  it('starts reading events at the earliest window of all event conditions', () => {
    const needs = conditionNeeds({ or: [evt(hours(24)), { not: evt(days(2)) }, evt(hours(1))] });
    expect(needs.eventWindowStart(NOW)).toBe(NOW - 2 * DAY);
    expect(needs.eventWindowStart(NOW + DAY)).toBe(NOW - DAY);
  });

  it('compares calendar months with fixed lengths at the given now', () => {
    const needs = conditionNeeds({
      and: [evt({ count: 4, unit: 'WEEKS' }), evt({ count: 1, unit: 'MONTHS' })],
    });
    // 2024-03-15 minus one month is 2024-02-15: 29 days, more than 4 weeks.
    expect(needs.eventWindowStart(NOW)).toBe(Date.UTC(2024, 1, 15, 12));
    // 2023-03-15 minus one month is 2023-02-15: 28 days, exactly 4 weeks.
    const earlier = Date.UTC(2023, 2, 15, 12);
    expect(needs.eventWindowStart(earlier)).toBe(earlier - 28 * DAY);
  });
});

const RECORDS: ChangedData = { records: true, events: false, graph: false };
const EVENTS: ChangedData = { records: false, events: true, graph: false };
const GRAPH: ChangedData = { records: false, events: false, graph: true };
const NOTHING: ChangedData = { records: false, events: false, graph: false };
const RECORDS_AND_EVENTS: ChangedData = { records: true, events: true, graph: false };

describe('affectedBy (SEMANTICS §5)', () => {
  const needs = (condition: Condition): ConditionNeeds => conditionNeeds(condition);
  it.each<[string, Condition, ChangedData, boolean]>([
    ['records, an attribute audience', ATTRIBUTE, RECORDS, true],
    ['events, an attribute audience', ATTRIBUTE, EVENTS, false],
    ['the graph, an attribute audience', ATTRIBUTE, GRAPH, true],
    ['nothing, an attribute audience', ATTRIBUTE, NOTHING, false],
    ['records, an event audience', EVENT, RECORDS, false],
    ['events, an event audience', EVENT, EVENTS, true],
    ['the graph, an event audience', EVENT, GRAPH, true],
    ['records, a computed audience', COMPUTED, RECORDS, false],
    ['events, a computed audience', COMPUTED, EVENTS, true],
    ['the graph, a computed audience', COMPUTED, GRAPH, true],
    ['nothing, a computed audience', COMPUTED, NOTHING, false],
    ['records, a mixed audience', { and: [ATTRIBUTE, EVENT] }, RECORDS, true],
    ['events, a mixed audience', { or: [ATTRIBUTE, EVENT] }, EVENTS, true],
    ['records and events, an event audience', { not: EVENT }, RECORDS_AND_EVENTS, true],
    ['records and events, an attribute audience', { not: ATTRIBUTE }, RECORDS_AND_EVENTS, true],
  ])('%s → %s', (_name, condition, change, expected) => {
    expect(affectedBy(needs(condition), change)).toBe(expected);
  });
});
