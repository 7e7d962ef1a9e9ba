import { lookUpEventField } from '../../../../src/domain/computed/lookUpEventField';
import { EVENT_FIELDS } from './fixtures';

describe('lookUpEventField (SEMANTICS §5)', () => {
  it.each([
    ['timestamp', 'date-time'],
    ['commerce.order', 'object'],
    ['commerce.order.total', 'number'],
    ['commerce.order.lines', 'array'],
  ])('finds %s, a %s field', (path, kind) => {
    expect(lookUpEventField(path, EVENT_FIELDS)).toStrictEqual({ kind });
  });

  it.each([
    ['', 'is not a dot path of names'],
    ['commerce..order', 'is not a dot path of names'],
    ['Commerce.order.total', 'no EXPERIENCE_EVENT schema declares "Commerce.order.total"'],
    ['web', 'no EXPERIENCE_EVENT schema declares "web"'],
    ['commerce.order.lines.sku', 'is inside the array "commerce.order.lines"'],
  ])('refuses %j', (path, problem) => {
    const found = lookUpEventField(path, EVENT_FIELDS);
    expect(found.kind).toBeUndefined();
    expect(found.problem).toContain(problem);
  });
});
