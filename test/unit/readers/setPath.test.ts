import { setPath } from '../../../src/batch/readers/setPath';

describe('setPath', () => {
  it('creates the objects on the way and keeps what is there', () => {
    const record: Record<string, unknown> = { person: { age: 3 } };
    setPath(record, ['person', 'name', 'firstName'], 'Ada');
    setPath(record, ['crmId'], 'c1');
    expect(record).toEqual({ person: { age: 3, name: { firstName: 'Ada' } }, crmId: 'c1' });
  });

  it('makes __proto__ a plain key, as JSON.parse does, without touching prototypes', () => {
    const record: Record<string, unknown> = {};
    setPath(record, ['__proto__', 'polluted'], true);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(record)).toBe('{"__proto__":{"polluted":true}}');
    expect(record).toEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
  });
});
