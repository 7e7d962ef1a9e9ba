import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SchemaClass } from '../../domain/enumValues';
import {
  ATTRIBUTE_MERGES,
  type AttributeMerge,
  IDENTITY_STITCHINGS,
  type IdentityStitching,
  type MergePolicy,
  type PolicyClass,
} from '../../domain/policies/MergePolicy';
import { asEnum, SchemaClassEnum } from '../enums';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

export const AttributeMergeEnum = asEnum(ATTRIBUTE_MERGES);
registerEnumType(AttributeMergeEnum, { name: 'AttributeMerge' });

export const IdentityStitchingEnum = asEnum(IDENTITY_STITCHINGS);
registerEnumType(IdentityStitchingEnum, { name: 'IdentityStitching' });

@ObjectType('MergePolicy', { description: 'How the fragments of a profile merge into one' })
export class MergePolicyType implements Omit<MergePolicy, 'datasetOrder'> {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SchemaClassEnum)
  schemaClass!: PolicyClass;

  @Field(() => IdentityStitchingEnum)
  identityStitching!: IdentityStitching;

  @Field(() => AttributeMergeEnum)
  attributeMerge!: AttributeMerge;

  @Field(() => Boolean)
  isDefault!: boolean;

  @Field(() => Boolean)
  activeOnEdge!: boolean;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType('CreateMergePolicyInput')
export class CreateMergePolicyInput {
  @Field(() => String)
  name!: string;

  @Field(() => SchemaClassEnum, { nullable: true, defaultValue: 'PROFILE' })
  schemaClass?: SchemaClass | null;

  @Field(() => IdentityStitchingEnum, { nullable: true, defaultValue: 'PRIVATE_GRAPH' })
  identityStitching?: IdentityStitching | null;

  @Field(() => AttributeMergeEnum, { nullable: true, defaultValue: 'TIMESTAMP_ORDERED' })
  attributeMerge?: AttributeMerge | null;

  @Field(() => [ID], { nullable: true, description: 'DATASET_PRECEDENCE only, highest first' })
  datasetOrder?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isDefault?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  activeOnEdge?: boolean | null;
}

@InputType('UpdateMergePolicyInput', { description: 'Fields left out stay as they are' })
export class UpdateMergePolicyInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => IdentityStitchingEnum, { nullable: true })
  identityStitching?: IdentityStitching | null;

  @Field(() => AttributeMergeEnum, { nullable: true })
  attributeMerge?: AttributeMerge | null;

  @Field(() => [ID], { nullable: true })
  datasetOrder?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  isDefault?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  activeOnEdge?: boolean | null;
}
