import type { Membership, MembershipStatus } from './Audience';

/** Which membership an evaluation is about: the audience, the profile, and an identity of it. */
export type MembershipIds = Pick<Membership, 'audienceId' | 'profileKey' | 'identityKey'>;

/** What one evaluation does to a membership. */
export interface MembershipStep {
  /** The membership to store; undefined when nothing is to be written. */
  membership: Membership | undefined;
  /** The status to publish as `audienceMembershipChanged`; null when none. */
  changed: MembershipStatus | null;
}

const NOTHING: MembershipStep = { membership: undefined, changed: null };

const isMember = (membership: Membership | undefined): boolean =>
  membership !== undefined && membership.status !== 'EXITED';

/**
 * SEMANTICS §5: the next membership of a profile in an audience, given whether it qualifies
 * now. Entering (no membership, or EXITED) makes it REALIZED since `now`; leaving (REALIZED or
 * EXISTING) makes it EXITED since `now`; both are published. A REALIZED member that still
 * qualifies becomes EXISTING, keeping its entry time, and is written but not published: it
 * neither entered nor left. An EXISTING member that qualifies, and a non-member that does not,
 * need no write at all, so the store is not touched.
 */
export function nextMembership(
  current: Membership | undefined,
  qualifies: boolean,
  now: number,
  ids: MembershipIds,
): MembershipStep {
  if (qualifies === isMember(current)) {
    if (current?.status !== 'REALIZED') return NOTHING;
    return { membership: { ...ids, status: 'EXISTING', since: current.since }, changed: null };
  }
  const status = qualifies ? 'REALIZED' : 'EXITED';
  return { membership: { ...ids, status, since: now }, changed: status };
}
