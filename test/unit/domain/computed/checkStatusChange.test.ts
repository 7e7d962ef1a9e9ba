import type { ComputedAttributeStatus } from '../../../../src/domain/computed/ComputedAttribute';
import { checkStatusChange } from '../../../../src/domain/computed/checkStatusChange';
import { catchAppError, expectBadInput } from '../expectBadInput';

type Status = ComputedAttributeStatus;

describe('checkStatusChange (SEMANTICS §5 statuses)', () => {
  it.each<[Status, Status, boolean]>([
    ['DRAFT', 'DRAFT', false],
    ['DRAFT', 'ACTIVE', true],
    ['DRAFT', 'DISABLED', true],
    ['ACTIVE', 'ACTIVE', false],
    ['ACTIVE', 'DISABLED', true],
    ['DISABLED', 'DISABLED', false],
    ['DISABLED', 'ACTIVE', true],
  ])('allows %s → %s (a change: %s)', (from, to, changes) => {
    expect(checkStatusChange(from, to, 0)).toBe(changes);
  });

  it.each<Status>(['ACTIVE', 'DISABLED'])('refuses %s → DRAFT, with CONFLICT', (from) => {
    const error = catchAppError(() => checkStatusChange(from, 'DRAFT', 0));
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('status');
    expect(error.message).toBe(
      `a ${from} computed attribute cannot go back to DRAFT; set it to DISABLED to stop it`,
    );
  });

  it.each<Status>(['DRAFT', 'DISABLED'])(
    'refuses %s → ACTIVE when 100 are ACTIVE, with CONFLICT',
    (from) => {
      const error = catchAppError(() => checkStatusChange(from, 'ACTIVE', 100));
      expect(error.code).toBe('CONFLICT');
      expect(error.field).toBe('status');
      expect(error.message).toContain('at most 100 computed attributes can be ACTIVE');
    },
  );

  it.each<Status>(['DRAFT', 'DISABLED'])('allows %s → ACTIVE when 99 are ACTIVE', (from) => {
    expect(checkStatusChange(from, 'ACTIVE', 99)).toBe(true);
  });

  it.each<[Status, Status]>([
    ['ACTIVE', 'ACTIVE'],
    ['ACTIVE', 'DISABLED'],
    ['DRAFT', 'DISABLED'],
  ])('does not count %s → %s against the limit', (from, to) => {
    expect(() => checkStatusChange(from, to, 100)).not.toThrow();
  });

  it('refuses a status it does not know, with BAD_USER_INPUT at the path given', () => {
    expectBadInput(
      () => checkStatusChange('DRAFT', 'ARCHIVED' as Status, 0, 'input.status'),
      [['input.status', 'must be one of DRAFT, ACTIVE, DISABLED']],
    );
  });
});
