import { checkSandboxName, DEFAULT_SANDBOX } from '../../../src/domain/sandbox';
import { expectBadInput } from './expectBadInput';

describe('checkSandboxName', () => {
  it('calls the default sandbox "prod", a valid name', () => {
    expect(DEFAULT_SANDBOX).toBe('prod');
    expect(() => {
      checkSandboxName(DEFAULT_SANDBOX, 'sandbox');
    }).not.toThrow();
  });

  it.each(['a', 'dev', 'dev-1', 'x9', 'a-', 'a--b', 'team-42-stage', `s${'a'.repeat(31)}`])(
    'accepts %j',
    (name) => {
      expect(() => {
        checkSandboxName(name, 'input.name');
      }).not.toThrow();
    },
  );

  it.each([
    '',
    '1dev',
    '-dev',
    'Prod',
    'DEV',
    'dev_1',
    'dev 1',
    'dev.1',
    'dév',
    ' prod',
    'prod\n',
    `s${'a'.repeat(32)}`,
  ])('rejects %j', (name) => {
    expectBadInput(() => {
      checkSandboxName(name, 'input.name');
    }, [
      [
        'input.name',
        `"${name}" is not a valid sandbox name: use a lower-case letter, then up to 31 lower-case`,
      ],
    ]);
  });

  it('names the problem after the field it is given', () => {
    expectBadInput(() => {
      checkSandboxName('Bad', 'x-sandbox-name');
    }, [['x-sandbox-name', '"Bad" is not a valid sandbox name']]);
  });
});
