import { shortestLinkPath } from '../../../../src/domain/identity/shortestLinkPath';
import { key, see, workspace } from './graphFixtures';

describe('shortestLinkPath (SEMANTICS §3, explain)', () => {
  const ws = workspace();
  see(ws, ['CRMID:1', 'Email:a@x'], 100);
  see(ws, ['Email:a@x', 'ECID:e1'], 200);
  see(ws, ['ECID:e1', 'GAID:d'], 300);
  see(ws, ['CRMID:1', 'GAID:d'], 400);
  see(ws, ['Phone:9'], 500);

  it.each([
    ['CRMID:1', 'CRMID:1', []],
    ['CRMID:1', 'Email:a@x', [['CRMID:1', 'Email:a@x']]],
    [
      'CRMID:1',
      'ECID:e1',
      [
        ['CRMID:1', 'Email:a@x'],
        ['Email:a@x', 'ECID:e1'],
      ],
    ],
    [
      'Email:a@x',
      'GAID:d',
      [
        ['Email:a@x', 'CRMID:1'],
        ['CRMID:1', 'GAID:d'],
      ],
    ],
  ])('from %s to %s', (from, to, expected) => {
    const path = shortestLinkPath(ws, key(from), key(to))!;
    expect(path.map((s) => [s.from, s.to])).toEqual(expected.map(([x, y]) => [key(x!), key(y!)]));
    for (const step of path)
      expect([step.link.a, step.link.b].sort()).toEqual([step.from, step.to].sort());
  });

  it('is undefined between identities that are not connected', () => {
    expect(shortestLinkPath(ws, key('CRMID:1'), key('Phone:9'))).toBeUndefined();
  });
});
