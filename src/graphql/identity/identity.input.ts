import { Field, InputType, Int } from 'type-graphql';

@InputType('IdentityInput')
export class IdentityInput {
  @Field(() => String, { description: 'Namespace code, in any case' })
  namespace!: string;

  @Field(() => String)
  id!: string;
}

@InputType('IdentitySettingsInput', { description: 'Fields left out stay as they are' })
export class IdentitySettingsInput {
  @Field(() => Int, { nullable: true })
  maxGraphSize?: number | null;

  @Field(() => [String], { nullable: true })
  uniqueNamespaces?: string[] | null;

  @Field(() => [String], { nullable: true })
  namespacePriority?: string[] | null;

  @Field(() => [String], { nullable: true })
  blockedValues?: string[] | null;
}
