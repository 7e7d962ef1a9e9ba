import {
  MAX_ACTIVE_COMPUTED_ATTRIBUTES,
  checkActiveLimit,
} from '../../../../src/domain/computed/checkActiveLimit';
import { catchAppError } from '../expectBadInput';

describe('checkActiveLimit (SEMANTICS §5: at most 100 ACTIVE)', () => {
  it('is 100', () => {
    expect(MAX_ACTIVE_COMPUTED_ATTRIBUTES).toBe(100);
  });

  it.each([0, 1, 99])('allows one more when %d are ACTIVE', (activeCount) => {
    expect(() => {
      checkActiveLimit(activeCount);
    }).not.toThrow();
  });

  it.each([100, 101, 500])('refuses one more when %d are ACTIVE, with CONFLICT', (activeCount) => {
    const error = catchAppError(() => {
      checkActiveLimit(activeCount);
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('input.status');
    expect(error.message).toBe(
      `at most 100 computed attributes can be ACTIVE and ${activeCount} are; disable or delete one first`,
    );
  });

  it('names the path it is given', () => {
    expect(
      catchAppError(() => {
        checkActiveLimit(100, 'status');
      }).field,
    ).toBe('status');
  });
});
