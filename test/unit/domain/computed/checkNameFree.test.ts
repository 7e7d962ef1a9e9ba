import { checkNameFree } from '../../../../src/domain/computed/checkNameFree';
import { catchAppError } from '../expectBadInput';

describe('checkNameFree (SEMANTICS §5: names are unique)', () => {
  it.each<[string, string[]]>([
    ['orders', []],
    ['orders', ['orders7d', 'order', 'spend']],
    ['a1', ['a', 'a10', 'A11']],
  ])('accepts %s next to %j', (name, existing) => {
    expect(() => {
      checkNameFree(name, existing);
    }).not.toThrow();
  });

  it.each<[string, string]>([
    ['orders', 'orders'],
    ['orders', 'ORDERS'],
    ['OrderCount', 'orderCOUNT'],
  ])('refuses %s when %s exists, with CONFLICT at input.name', (name, existing) => {
    const error = catchAppError(() => {
      checkNameFree(name, ['spend', existing]);
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('input.name');
    expect(error.message).toBe(
      `a computed attribute named "${existing}" already exists (names are unique, whatever their case)`,
    );
  });

  it('reads the names from any iterable, and names the path it is given', () => {
    const error = catchAppError(() => {
      checkNameFree('spend', new Set(['Spend']), 'name');
    });
    expect(error.field).toBe('name');
  });
});
