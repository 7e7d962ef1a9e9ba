import type { XdmSchema } from '../../../../src/domain/catalog/types';
import { recordError } from '../../../../src/domain/records/RecordError';
import { RecordValidators } from '../../../../src/domain/records/RecordValidators';
import { field, makeSchema } from '../catalog/fixtures';

const schema = (id: string, version: number, ...paths: string[]): XdmSchema =>
  makeSchema(
    id,
    'PROFILE',
    paths.map((p) => field(p, 'STRING')),
    { version },
  );

const unknownField = (path: string) =>
  recordError('SCHEMA_VALIDATION', 'is not a field of the schema', path);

describe('RecordValidators', () => {
  it('compiles a schema version once and returns the same validator', () => {
    const validators = new RecordValidators();
    const first = validators.forSchema(schema('s1', 1, 'a'));
    expect(validators.forSchema(schema('s1', 1, 'a'))).toBe(first);
    expect(validators.size).toBe(1);
  });

  it('replaces the validator of a schema when its version changes', () => {
    const validators = new RecordValidators();
    const v1 = validators.forSchema(schema('s1', 1, 'a'));
    const v2 = validators.forSchema(schema('s1', 2, 'a', 'b'));
    expect(v2).not.toBe(v1);
    expect(validators.size).toBe(1);
    expect(v1({ b: 'x' })).toEqual([unknownField('b')]);
    expect(v2({ b: 'x' })).toEqual([]);
    expect(validators.forSchema(schema('s1', 2, 'a', 'b'))).toBe(v2);
  });

  it('recompiles when an older version is asked for again', () => {
    const validators = new RecordValidators();
    const v1 = validators.forSchema(schema('s1', 1, 'a'));
    validators.forSchema(schema('s1', 2, 'a', 'b'));
    const again = validators.forSchema(schema('s1', 1, 'a'));
    expect(again).not.toBe(v1);
    expect(again({ b: 'x' })).toEqual([unknownField('b')]);
    expect(validators.size).toBe(1);
  });

  it('keeps one validator per schema id', () => {
    const validators = new RecordValidators();
    const a = validators.forSchema(schema('a', 1, 'x'));
    const b = validators.forSchema(schema('b', 1, 'y'));
    expect(b).not.toBe(a);
    expect(validators.size).toBe(2);
    expect(a({ y: '1' })).toEqual([unknownField('y')]);
    expect(b({ y: '1' })).toEqual([]);
    expect(validators.forSchema(schema('a', 1, 'x'))).toBe(a);
  });

  it('drops the least recently used schema beyond its capacity', () => {
    const validators = new RecordValidators(2);
    const a = validators.forSchema(schema('a', 1));
    const b = validators.forSchema(schema('b', 1));
    expect(validators.forSchema(schema('a', 1))).toBe(a); // a is now the most recent
    validators.forSchema(schema('c', 1));
    expect(validators.size).toBe(2);
    expect(validators.forSchema(schema('a', 1))).toBe(a);
    expect(validators.forSchema(schema('b', 1))).not.toBe(b);
    expect(validators.size).toBe(2);
  });

  it('compiles one schema many times over without growing', () => {
    const validators = new RecordValidators(3);
    for (let version = 1; version <= 50; version++) {
      const validate = validators.forSchema(schema('s', version, `f${version}`));
      expect(validate({ [`f${version}`]: 'x' })).toEqual([]);
    }
    expect(validators.size).toBe(1);
  });

  it('compiles records and patches of one schema apart, each once per version', () => {
    const validators = new RecordValidators();
    const required = makeSchema('r', 'PROFILE', [field('a', 'STRING', { required: true })]);
    const full = validators.forSchema(required);
    const patch = validators.forPatch(required);
    expect(patch).not.toBe(full);
    expect(validators.forPatch(required)).toBe(patch);
    expect(validators.forSchema(required)).toBe(full);
    expect(validators.size).toBe(2);
    expect(full({})).toEqual([recordError('SCHEMA_VALIDATION', 'is required', 'a')]);
    expect(patch({})).toEqual([]);
    const next = validators.forPatch({ ...required, version: 2 });
    expect(next).not.toBe(patch);
    expect(validators.size).toBe(2);
  });

  it('keeps working validators after others were dropped', () => {
    const validators = new RecordValidators(1);
    const a = validators.forSchema(schema('a', 1, 'x'));
    validators.forSchema(schema('b', 1, 'y'));
    expect(a({ x: 'ok' })).toEqual([]);
    expect(a({ y: 'no' })).toEqual([unknownField('y')]);
  });
});
