import type { ProfileData } from './ProfileData';

/** A profile as an index of profiles holds it: its key, and an identity to look it up by. */
export interface IndexedProfile {
  profileKey: string;
  identityKey: string;
}

/** A page of profiles from such an index, in profile-key order. */
export interface ProfilePage {
  profiles: { profileKey: string; profile: ProfileData }[];
  hasNextPage: boolean;
  /** The last profile key of the page, to continue after. */
  end: string | null;
}
