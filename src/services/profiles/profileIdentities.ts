import { type Identity, identityFromKey } from '../../domain/identity/Identity';
import type { ProfileData } from './ProfileData';

/** A profile's identities: its whole graph's when its policy stitches, else the one asked for. */
export function profileIdentities(profile: ProfileData): Identity[] {
  if (profile.policy.identityStitching === 'NONE' || profile.nodes.length === 0)
    return [profile.identity];
  return profile.nodes.map((n) => identityFromKey(n.key));
}
