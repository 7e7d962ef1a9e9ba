import {
  AppError,
  badInput,
  conflict,
  notFound,
  type ErrorCode,
} from '../../../src/domain/AppError';

describe('AppError', () => {
  it('lists its own field as its one issue by default', () => {
    const error = new AppError('FORBIDDEN', 'not yours', 'input.id');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('not yours');
    expect(error.field).toBe('input.id');
    expect(error.issues).toEqual([{ field: 'input.id', message: 'not yours' }]);
  });

  it('has no field and no issues when given no field', () => {
    const error = new AppError('INTERNAL_SERVER_ERROR', 'boom');
    expect(error.field).toBeUndefined();
    expect(error.issues).toEqual([]);
  });

  it('keeps the issues it is given', () => {
    const issues = [
      { field: 'a', message: 'x' },
      { field: 'b', message: 'y' },
    ];
    expect(new AppError('BAD_USER_INPUT', 'a: x', 'a', issues).issues).toEqual(issues);
  });

  it.each<[string, (field: string, message: string) => AppError, ErrorCode, string]>([
    ['badInput', badInput, 'BAD_USER_INPUT', 'input.name: is required'],
    ['notFound', notFound, 'NOT_FOUND', 'is required'],
    ['conflict', conflict, 'CONFLICT', 'is required'],
  ])('%s makes a %s error', (_name, make, code, message) => {
    const error = make('input.name', 'is required');
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.field).toBe('input.name');
    expect(error.issues).toEqual([{ field: 'input.name', message }]);
  });
});
