import { Field, InputType } from 'type-graphql';
import type { IdentityType } from '../../domain/enumValues';
import { IdentityTypeEnum } from '../enums';

@InputType('CreateIdentityNamespaceInput')
export class CreateIdentityNamespaceInput {
  @Field(() => String, { description: '[A-Za-z][A-Za-z0-9_]{0,63}, unique case-insensitively' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => IdentityTypeEnum)
  type!: IdentityType;
}
