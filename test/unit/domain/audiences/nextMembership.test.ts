import type { Membership, MembershipStatus } from '../../../../src/domain/audiences/Audience';
import {
  type MembershipStep,
  nextMembership,
} from '../../../../src/domain/audiences/nextMembership';

const NOW = 2_000_000;
const ENTERED = 1_000_000;
const IDS = { audienceId: 'aud-1', profileKey: 'g:graph-1', identityKey: 'email:ada@example.com' };

const stored = (status: MembershipStatus): Membership => ({
  audienceId: 'aud-1',
  profileKey: 'g:graph-1',
  identityKey: 'email:old@example.com',
  status,
  since: ENTERED,
});

const write = (status: MembershipStatus, since: number): Membership => ({ ...IDS, status, since });

describe('nextMembership (SEMANTICS §5)', () => {
  it.each<[string, Membership | undefined, boolean, MembershipStep]>([
    [
      'none, qualifies: enters (REALIZED, published)',
      undefined,
      true,
      { membership: write('REALIZED', NOW), changed: 'REALIZED' },
    ],
    ['none, does not qualify: nothing', undefined, false, { membership: undefined, changed: null }],
    [
      'REALIZED, qualifies: stays (EXISTING since entry, written, not published)',
      stored('REALIZED'),
      true,
      { membership: write('EXISTING', ENTERED), changed: null },
    ],
    [
      'REALIZED, does not qualify: leaves (EXITED, published)',
      stored('REALIZED'),
      false,
      { membership: write('EXITED', NOW), changed: 'EXITED' },
    ],
    [
      'EXISTING, qualifies: nothing to write',
      stored('EXISTING'),
      true,
      { membership: undefined, changed: null },
    ],
    [
      'EXISTING, does not qualify: leaves (EXITED, published)',
      stored('EXISTING'),
      false,
      { membership: write('EXITED', NOW), changed: 'EXITED' },
    ],
    [
      'EXITED, qualifies: enters again (REALIZED, published)',
      stored('EXITED'),
      true,
      { membership: write('REALIZED', NOW), changed: 'REALIZED' },
    ],
    [
      'EXITED, does not qualify: nothing',
      stored('EXITED'),
      false,
      { membership: undefined, changed: null },
    ],
  ])('%s', (_name, current, qualifies, expected) => {
    expect(nextMembership(current, qualifies, NOW, IDS)).toStrictEqual(expected);
  });

  it('walks a profile in, through, out and back in', () => {
    const steps: (MembershipStatus | null)[] = [];
    let current: Membership | undefined;
    [true, true, true, false, false, true].forEach((qualifies, i) => {
      const { membership, changed } = nextMembership(current, qualifies, NOW + i, IDS);
      current = membership ?? current;
      steps.push(changed, current?.status ?? null);
    });
    expect(steps).toEqual([
      ...['REALIZED', 'REALIZED'],
      ...[null, 'EXISTING'],
      ...[null, 'EXISTING'],
      ...['EXITED', 'EXITED'],
      ...[null, 'EXITED'],
      ...['REALIZED', 'REALIZED'],
    ]);
    expect(current?.since).toBe(NOW + 5);
  });

  it('does not change the membership it is given', () => {
    const current = Object.freeze(stored('REALIZED'));
    const { membership } = nextMembership(current, false, NOW, IDS);
    expect(membership).not.toBe(current);
    expect(current.status).toBe('REALIZED');
  });
});
