import { fieldPathProblem, parentPaths } from '../../../../src/domain/catalog/fieldPath';

describe('fieldPathProblem', () => {
  it.each([
    'a',
    '_id',
    'email',
    'person.name.firstName',
    'A_1.b2._c',
    'identityMap',
    'a.b.c.d.e.f.g.h.i.j',
    'x'.repeat(256),
    `${'a'.repeat(127)}.${'b'.repeat(128)}`,
  ])('accepts %j', (path) => {
    expect(fieldPathProblem(path)).toBeUndefined();
  });

  it.each([
    '',
    '.',
    'a.',
    '.a',
    'a..b',
    '1a',
    'a.1b',
    'first-name',
    'first name',
    'Émile',
    'a.b$',
    'a/b',
    ' a',
  ])('rejects %j as not a dot path of names', (path) => {
    expect(fieldPathProblem(path)).toBe(
      `"${path}" is not a dot path of names (letters, digits, "_"; not starting with a digit)`,
    );
  });

  it.each([
    ['11 segments', 'a.b.c.d.e.f.g.h.i.j.k'],
    ['11 empty segments', '..........'],
  ])('rejects %s', (_name, path) => {
    expect(fieldPathProblem(path)).toBe('must have at most 10 segments');
  });

  it.each([
    ['257 characters', 'x'.repeat(257)],
    ['257 characters in many segments, naming the length first', 'a.'.repeat(128) + 'b'],
  ])('rejects %s', (_name, path) => {
    expect(fieldPathProblem(path)).toBe('must be at most 256 characters');
  });
});

describe('parentPaths', () => {
  it.each<[string, string[]]>([
    ['a', []],
    ['a.b', ['a']],
    ['a.b.c', ['a', 'a.b']],
    ['person.name.first.initial', ['person', 'person.name', 'person.name.first']],
    ['_x.y_z', ['_x']],
  ])('gives the parents of %j', (path, parents) => {
    expect(parentPaths(path)).toEqual(parents);
  });
});
