import { AppError } from '../../../src/domain/AppError';
import { Issues } from '../../../src/domain/Issues';
import { catchAppError } from './expectBadInput';

describe('Issues', () => {
  it('starts empty and then throws nothing', () => {
    const issues = new Issues();
    expect(issues.isEmpty).toBe(true);
    expect(() => {
      issues.throwIfAny();
    }).not.toThrow();
  });

  it('is not empty once a problem is added', () => {
    const issues = new Issues();
    issues.add('input.name', 'is required');
    expect(issues.isEmpty).toBe(false);
  });

  it('throws one BAD_USER_INPUT AppError for a single problem', () => {
    const issues = new Issues();
    issues.add('input.name', 'is required');
    const error = catchAppError(() => {
      issues.throwIfAny();
    });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('input.name: is required');
    expect(error.field).toBe('input.name');
    expect(error.issues).toEqual([{ field: 'input.name', message: 'is required' }]);
  });

  it.each([
    [2, ' (and 1 more problem(s))'],
    [3, ' (and 2 more problem(s))'],
    [10, ' (and 9 more problem(s))'],
  ])('names the first of %i problems and lists them all in order', (count, suffix) => {
    const issues = new Issues();
    const added = Array.from({ length: count }, (_, i) => ({
      field: `input.fields[${String(i)}].path`,
      message: `problem ${String(i)}`,
    }));
    added.forEach((i) => {
      issues.add(i.field, i.message);
    });
    const error = catchAppError(() => {
      issues.throwIfAny();
    });
    expect(error.field).toBe('input.fields[0].path');
    expect(error.message).toBe(`input.fields[0].path: problem 0${suffix}`);
    expect(error.issues).toEqual(added);
  });

  it('keeps several problems of one field', () => {
    const issues = new Issues();
    issues.add('input.name', 'must not be blank');
    issues.add('input.name', 'must be at most 256 characters');
    const error = catchAppError(() => {
      issues.throwIfAny();
    });
    expect(error.issues).toEqual([
      { field: 'input.name', message: 'must not be blank' },
      { field: 'input.name', message: 'must be at most 256 characters' },
    ]);
  });
});
