import { Issues } from '../../../../src/domain/Issues';
import { checkText } from '../../../../src/domain/catalog/checkText';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';

interface Rule {
  required: boolean;
  max: number;
}

const run = (value: string | null | undefined, rule: Rule): Issues => {
  const issues = new Issues();
  checkText(issues, 'input.name', value, rule);
  return issues;
};

describe('checkText', () => {
  it.each<[string | null | undefined, Rule]>([
    ['Name', { required: true, max: 10 }],
    ['x'.repeat(10), { required: true, max: 10 }],
    ['  padded  ', { required: true, max: 10 }],
    [null, { required: false, max: 10 }],
    [undefined, { required: false, max: 10 }],
    ['', { required: false, max: 10 }],
    ['   ', { required: false, max: 10 }],
  ])('accepts %j under %j', (value, rule) => {
    expect(run(value, rule).isEmpty).toBe(true);
  });

  it.each<[string | null | undefined, Rule, ExpectedIssue[]]>([
    [null, { required: true, max: 10 }, [['input.name', 'is required']]],
    [undefined, { required: true, max: 10 }, [['input.name', 'is required']]],
    ['', { required: true, max: 10 }, [['input.name', 'must not be blank']]],
    ['\n\t ', { required: true, max: 10 }, [['input.name', 'must not be blank']]],
    [
      'x'.repeat(11),
      { required: true, max: 10 },
      [['input.name', 'must be at most 10 characters']],
    ],
    [
      'x'.repeat(11),
      { required: false, max: 10 },
      [['input.name', 'must be at most 10 characters']],
    ],
    [
      ' '.repeat(11),
      { required: true, max: 10 },
      [
        ['input.name', 'must not be blank'],
        ['input.name', 'must be at most 10 characters'],
      ],
    ],
  ])('rejects %j under %j', (value, rule, issues) => {
    const collected = run(value, rule);
    expect(collected.isEmpty).toBe(false);
    expectBadInput(() => {
      collected.throwIfAny();
    }, issues);
  });
});
