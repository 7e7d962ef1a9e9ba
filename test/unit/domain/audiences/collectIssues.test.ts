import { AppError, badInput } from '../../../../src/domain/AppError';
import { Issues } from '../../../../src/domain/Issues';
import { collectIssues } from '../../../../src/domain/audiences/collectIssues';
import { expectBadInput } from '../expectBadInput';

describe('collectIssues', () => {
  it('adds nothing when the check passes', () => {
    const issues = new Issues();
    collectIssues(issues, () => undefined);
    expect(issues.isEmpty).toBe(true);
  });

  it('adds every problem of a failed check, renamed, after those already there', () => {
    const issues = new Issues();
    issues.add('first', 'was here before');
    collectIssues(
      issues,
      () => {
        const inner = new Issues();
        inner.add('x[0].path', 'bad path');
        inner.add('x[0].value', 'bad value');
        inner.throwIfAny();
      },
      (field) => `in.${field}`,
    );
    expectBadInput(() => {
      issues.throwIfAny();
    }, [
      ['first', 'was here before'],
      ['in.x[0].path', 'bad path'],
      ['in.x[0].value', 'bad value'],
    ]);
  });

  it('keeps a single problem with its own message', () => {
    const issues = new Issues();
    collectIssues(issues, () => {
      throw badInput('a.b', 'is wrong');
    });
    const error = expectBadInput(() => {
      issues.throwIfAny();
    }, [['a.b', 'is wrong']]);
    expect(error.issues).toStrictEqual([{ field: 'a.b', message: 'is wrong' }]);
  });

  it('keeps a BAD_USER_INPUT without a field by its message', () => {
    const issues = new Issues();
    collectIssues(issues, () => {
      throw new AppError('BAD_USER_INPUT', 'no field');
    });
    const error = expectBadInput(() => {
      issues.throwIfAny();
    }, [['', 'no field']]);
    expect(error.issues).toHaveLength(1);
  });

  it.each([
    ['another AppError', new AppError('NOT_FOUND', 'gone', 'id')],
    ['a plain error', new Error('boom')],
  ])('rethrows %s', (_name, thrown) => {
    const issues = new Issues();
    expect(() => {
      collectIssues(issues, () => {
        throw thrown;
      });
    }).toThrow(thrown);
    expect(issues.isEmpty).toBe(true);
  });
});
