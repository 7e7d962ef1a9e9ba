import { Field, ObjectType } from 'type-graphql';
import type { Identity } from '../../domain/identity/Identity';
import { IdentityType_ } from '../identity/identity.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

/** A fragment as the API shows it; `datasetId` is resolved to its dataset. */
export interface FragmentApi {
  datasetId: string;
  identity: Identity;
  attributes: unknown;
  updatedAt: Date;
}

@ObjectType('ProfileFragment', { description: 'One dataset’s record of one identity' })
export class ProfileFragmentType implements Omit<FragmentApi, 'datasetId'> {
  @Field(() => IdentityType_)
  identity!: Identity;

  @Field(() => JSONScalar)
  attributes!: unknown;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType('Profile', {
  description: 'The merged view of one identity graph, under a merge policy',
})
export class ProfileType {}
