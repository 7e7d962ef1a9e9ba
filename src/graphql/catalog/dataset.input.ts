import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('CreateDatasetInput')
export class CreateDatasetInput {
  @Field(() => String)
  name!: string;

  @Field(() => ID)
  schemaId!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  profileEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  identityEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  upsertEnabled?: boolean | null;

  @Field(() => Int, { nullable: true })
  eventTtlDays?: number | null;
}

@InputType('UpdateDatasetInput', {
  description: 'Fields left out stay as they are; eventTtlDays: null removes the TTL',
})
export class UpdateDatasetInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  profileEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  identityEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  upsertEnabled?: boolean | null;

  @Field(() => Int, { nullable: true })
  eventTtlDays?: number | null;
}
