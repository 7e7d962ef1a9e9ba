import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Identity } from '../../domain/identity/Identity';
import {
  type Audience,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
} from '../../domain/audiences/Audience';
import type { FilterOperator } from '../../domain/filters/FieldFilter';
import { asEnum } from '../enums';
import { DurationType } from '../computed/computed.type';
import { IdentityType_ } from '../identity/identity.type';
import type { Edge, PageInfo } from '../pagination/Connection';
import { PageInfoType } from '../pagination/PageInfo';
import { FieldFilterInput, FilterOperatorEnum } from '../profiles/event.type';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { ProfileType } from '../profiles/profile.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

export const MembershipStatusEnum = asEnum(MEMBERSHIP_STATUSES);
registerEnumType(MembershipStatusEnum, {
  name: 'MembershipStatus',
  valuesConfig: {
    REALIZED: { description: 'entered' },
    EXISTING: { description: 'still in' },
    EXITED: { description: 'left' },
  },
});

@ObjectType('AudienceEvaluation', {
  description: 'The evaluation of the profiles that existed when the audience was created',
})
export class AudienceEvaluationType {
  @Field(() => Boolean)
  done!: boolean;

  @Field(() => Int, { description: 'Identity graphs evaluated so far' })
  evaluated!: number;
}

@ObjectType('Audience', { description: 'Profiles meeting a condition, kept current' })
export class AudienceType implements Omit<Audience, 'condition' | 'mergePolicyId' | 'backfill'> {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType('ProfileEdge')
export class ProfileEdgeType implements Edge<ProfileData> {
  @Field(() => String)
  cursor!: string;

  @Field(() => ProfileType)
  node!: ProfileData;
}

@ObjectType('ProfileConnection')
export class ProfileConnectionType {
  @Field(() => [ProfileEdgeType])
  edges!: Edge<ProfileData>[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('AudienceMembership')
export class AudienceMembershipType {
  @Field(() => MembershipStatusEnum)
  status!: MembershipStatus;

  @Field(() => DateTimeScalar, { description: 'When it entered (REALIZED, EXISTING) or left' })
  since!: Date;
}

@ObjectType('AudienceMembershipChange')
export class AudienceMembershipChangeType {
  @Field(() => IdentityType_)
  identity!: Identity;

  @Field(() => MembershipStatusEnum)
  status!: MembershipStatus;

  @Field(() => DateTimeScalar)
  at!: Date;
}

@InputType('ComputedCondition')
export class ComputedConditionInput {
  @Field(() => String)
  name!: string;

  @Field(() => FilterOperatorEnum)
  op!: FilterOperator;

  @Field(() => JSONScalar, { nullable: true })
  value?: unknown;
}

@InputType('EventCondition')
export class EventConditionInput {
  @Field(() => [FieldFilterInput], { nullable: true })
  where?: FieldFilterInput[] | null;

  @Field(() => DurationType, { description: 'Events with timestamp in the last `within`' })
  within!: DurationType;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  minCount?: number | null;
}

@InputType('AudienceCondition', { description: 'A condition tree: exactly one field is set' })
export class AudienceConditionInput {
  @Field(() => [AudienceConditionInput], { nullable: true })
  and?: AudienceConditionInput[] | null;

  @Field(() => [AudienceConditionInput], { nullable: true })
  or?: AudienceConditionInput[] | null;

  @Field(() => AudienceConditionInput, { nullable: true })
  not?: AudienceConditionInput | null;

  @Field(() => FieldFilterInput, { nullable: true, description: 'On the merged attributes' })
  attribute?: FieldFilterInput | null;

  @Field(() => ComputedConditionInput, { nullable: true })
  computed?: ComputedConditionInput | null;

  @Field(() => EventConditionInput, { nullable: true })
  event?: EventConditionInput | null;
}

@InputType('CreateAudienceInput')
export class CreateAudienceInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => AudienceConditionInput)
  condition!: AudienceConditionInput;

  @Field(() => ID, { nullable: true })
  mergePolicyId?: string | null;
}
