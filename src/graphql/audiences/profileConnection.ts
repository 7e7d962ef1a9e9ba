import type { ProfileData } from '../../services/profiles/ProfileData';
import type { ProfilePage } from '../../services/profiles/ProfilePage';
import type { Connection } from '../pagination/Connection';
import { pageSize } from '../pagination/cursor';
import { decodeMemberCursor, encodeMemberCursor } from './memberCursor';

/** At most this many profiles per page of a `ProfileConnection`. */
const MAX_PROFILES_PER_PAGE = 1000;

/**
 * The `first` and `after` of a `ProfileConnection` field (an audience's members, an account's
 * people), checked: `after` is the profile key the previous page ended on.
 */
export const profilePageArgs = (
  first: number,
  after: string | null | undefined,
): { first: number; after: string | null } => ({
  first: pageSize(first, MAX_PROFILES_PER_PAGE, 'first'),
  after: decodeMemberCursor(after, 'after'),
});

/** A page of profiles from an index of profiles, as a connection with opaque cursors. */
export function profileConnection(page: ProfilePage, totalCount: number): Connection<ProfileData> {
  const edges = page.profiles.map(({ profileKey, profile }) => ({
    cursor: encodeMemberCursor(profileKey),
    node: profile,
  }));
  const endCursor = page.end === null ? null : encodeMemberCursor(page.end);
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor }, totalCount };
}
