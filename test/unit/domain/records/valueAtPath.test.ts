import { valueAtPath } from '../../../../src/domain/records/valueAtPath';

const RECORD = {
  email: 'a@example.com',
  empty: '',
  nothing: null,
  person: { name: { first: 'Ada' }, age: 36, tags: ['x'] },
  list: [{ id: 'in-array' }],
  scalar: 'text',
};

describe('valueAtPath', () => {
  it.each<[string, unknown]>([
    ['email', 'a@example.com'],
    ['empty', ''],
    ['nothing', null],
    ['person.name.first', 'Ada'],
    ['person.age', 36],
    ['person.name', { first: 'Ada' }],
    ['person.tags', ['x']],
    ['missing', undefined],
    ['person.missing', undefined],
    ['person.name.first.more', undefined],
    ['nothing.below', undefined],
    ['scalar.length', undefined],
    ['list.id', undefined],
    ['list.0.id', undefined],
    ['person.tags.0', undefined],
    ['constructor', undefined],
    ['toString', undefined],
    ['__proto__', undefined],
    ['person.__proto__.constructor', undefined],
    ['', undefined],
  ])('reads %s as %j', (path, expected) => {
    expect(valueAtPath(RECORD, path)).toEqual(expected);
  });

  it('reads an own __proto__ key of parsed JSON', () => {
    expect(valueAtPath(JSON.parse('{"__proto__": {"a": 1}}'), '__proto__.a')).toBe(1);
  });

  it.each<unknown>([null, undefined, 'text', 42, ['a']])('reads nothing from %j', (value) => {
    expect(valueAtPath(value, 'a')).toBeUndefined();
  });
});
