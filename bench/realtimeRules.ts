import type { GraphQLClient } from './graphqlClient';
import { sleep } from './timing';

const CREATE_COMPUTED = `mutation CreateComputed($input: CreateComputedAttributeInput!) {
  createComputedAttribute(input: $input) { id }
}`;

const CREATE_AUDIENCE = `mutation CreateAudience($input: CreateAudienceInput!) {
  createAudience(input: $input) { id }
}`;

const AUDIENCES = `{ audiences { id memberCount evaluation { done } } }`;

interface Audiences {
  audiences: { id: string; memberCount: number; evaluation: { done: boolean } }[];
}

const days = (count: number) => ({ count, unit: 'DAYS' });
const purchases = [{ path: 'eventType', op: 'EQ', value: 'purchase' }];
const views = [{ path: 'eventType', op: 'EQ', value: 'view' }];
const TOTAL = 'commerce.order.total';

/** Ten ACTIVE computed attributes over the bench events: COUNT, SUM, MAX, MOST_RECENT, LIST. */
export const COMPUTED_ATTRIBUTES = [
  { name: 'purchases7d', function: 'COUNT', where: purchases, lookback: days(7) },
  { name: 'views1d', function: 'COUNT', where: views, lookback: days(1) },
  { name: 'events3d', function: 'COUNT', lookback: days(3) },
  { name: 'spend7d', function: 'SUM', field: TOTAL, where: purchases, lookback: days(7) },
  { name: 'spend2d', function: 'SUM', field: TOTAL, lookback: days(2) },
  { name: 'biggestOrder7d', function: 'MAX', field: TOTAL, lookback: days(7) },
  { name: 'biggestOrder1d', function: 'MAX', field: TOTAL, lookback: days(1) },
  { name: 'lastEventType', function: 'MOST_RECENT', field: 'eventType', lookback: days(7) },
  { name: 'lastOrderTotal', function: 'MOST_RECENT', field: TOTAL, lookback: days(5) },
  { name: 'eventTypes3d', function: 'LIST', field: 'eventType', lookback: days(3) },
] as const;

const computed = (name: string, op: string, value: unknown) => ({ computed: { name, op, value } });
const attribute = (path: string, op: string, value: unknown) => ({
  attribute: { path, op, value },
});

/** Ten audiences mixing attribute, event and computed conditions, some combined. */
export const AUDIENCE_DEFINITIONS = [
  { name: 'Gold members', condition: attribute('loyalty.points', 'GTE', 4000) },
  { name: 'Named Ada', condition: attribute('person.name.firstName', 'EQ', 'Ada') },
  { name: 'Bought today', condition: { event: { where: purchases, within: days(1) } } },
  { name: 'Active this week', condition: { event: { within: days(7) } } },
  { name: 'Browsers', condition: { event: { where: views, within: days(2), minCount: 1 } } },
  { name: 'Buyers', condition: computed('purchases7d', 'GTE', 1) },
  { name: 'Big spenders', condition: computed('spend7d', 'GT', 100) },
  {
    name: 'Loyal big orders',
    condition: {
      and: [attribute('loyalty.points', 'GTE', 1000), computed('biggestOrder7d', 'GTE', 50)],
    },
  },
  {
    name: 'Buying or carting',
    condition: {
      or: [
        { event: { where: purchases, within: days(3) } },
        computed('lastEventType', 'EQ', 'cart'),
      ],
    },
  },
  {
    name: 'Quiet Graces',
    condition: {
      and: [
        attribute('person.name.firstName', 'EQ', 'Grace'),
        { not: computed('events3d', 'GTE', 1) },
      ],
    },
  },
] as const;

const EVALUATION_TIMEOUT_MS = 30_000;

/**
 * Defines the computed attributes, then the audiences (which name some of them), and waits
 * until each audience's first evaluation is done, so none is still backfilling when the
 * measured ingest starts. Needs the bench profile and event schemas to exist.
 */
export async function defineRealtimeRules(client: GraphQLClient): Promise<void> {
  for (const input of COMPUTED_ATTRIBUTES) await client.request(CREATE_COMPUTED, { input });
  for (const input of AUDIENCE_DEFINITIONS) await client.request(CREATE_AUDIENCE, { input });
  const deadline = Date.now() + EVALUATION_TIMEOUT_MS;
  while (!(await client.request<Audiences>(AUDIENCES)).audiences.every((a) => a.evaluation.done)) {
    if (Date.now() > deadline) throw new Error('audience evaluation not done within 30 s');
    await sleep(100);
  }
}

/** The members of every audience, added up. */
export async function totalMembers(client: GraphQLClient): Promise<number> {
  const { audiences } = await client.request<Audiences>(AUDIENCES);
  return audiences.reduce((sum, a) => sum + a.memberCount, 0);
}
