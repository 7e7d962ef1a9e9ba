import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { type Identity, identityFromKey } from '../../domain/identity/Identity';
import { PROFILE_CHANGE_KINDS, type ProfileChangeKind } from '../../domain/profile/ProfileChanges';
import type { GraphChangeEvent, ProfileUpdateEvent } from '../../services/realtime/RealtimeService';
import { asEnum } from '../enums';
import { IdentityType_ } from '../identity/identity.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

export const ProfileChangeKindEnum = asEnum(PROFILE_CHANGE_KINDS);
registerEnumType(ProfileChangeKindEnum, { name: 'ProfileChangeKind' });

/** A profile change as the API shows it; `dataset` and `profile` are resolved per subscriber. */
export interface ProfileUpdateApi {
  kind: ProfileChangeKind;
  identity: Identity;
  datasetId: string | null;
  at: Date;
}

export const toProfileUpdate = (e: ProfileUpdateEvent): ProfileUpdateApi => ({
  kind: e.kind,
  identity: identityFromKey(e.identityKey),
  datasetId: e.datasetId,
  at: new Date(e.at),
});

@ObjectType('ProfileUpdate', { description: 'A committed change to one identity’s data' })
export class ProfileUpdateType implements Omit<ProfileUpdateApi, 'datasetId'> {
  @Field(() => ProfileChangeKindEnum)
  kind!: ProfileChangeKind;

  @Field(() => IdentityType_, { description: 'The identity whose data changed' })
  identity!: Identity;

  @Field(() => DateTimeScalar)
  at!: Date;
}

export interface IdentityGraphChangeApi {
  identities: Identity[];
  at: Date;
}

export const toGraphChange = (e: GraphChangeEvent): IdentityGraphChangeApi => ({
  identities: e.identityKeys.map(identityFromKey),
  at: new Date(e.at),
});

@ObjectType('IdentityGraphChange', { description: 'Identities whose graph changed in a commit' })
export class IdentityGraphChangeType implements IdentityGraphChangeApi {
  @Field(() => [IdentityType_], { description: 'Identities whose graph changed' })
  identities!: Identity[];

  @Field(() => DateTimeScalar)
  at!: Date;
}
