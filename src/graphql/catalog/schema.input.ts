import { Field, InputType } from 'type-graphql';
import type { FieldType, SchemaClass } from '../../domain/enumValues';
import { FieldTypeEnum, SchemaClassEnum } from '../enums';

@InputType('SchemaFieldInput')
export class SchemaFieldInput {
  @Field(() => String)
  path!: string;

  @Field(() => FieldTypeEnum)
  type!: FieldType;

  @Field(() => FieldTypeEnum, { nullable: true })
  itemType?: FieldType | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  required?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType('IdentityDescriptorInput')
export class IdentityDescriptorInput {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  primary?: boolean | null;
}

@InputType('RelationshipDescriptorInput')
export class RelationshipDescriptorInput {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  namespace!: string;
}

@InputType('CreateSchemaInput')
export class CreateSchemaInput {
  @Field(() => String)
  name!: string;

  @Field(() => SchemaClassEnum)
  class!: SchemaClass;

  @Field(() => [SchemaFieldInput])
  fields!: SchemaFieldInput[];

  @Field(() => [IdentityDescriptorInput], { nullable: true, defaultValue: [] })
  identityDescriptors?: IdentityDescriptorInput[] | null;

  @Field(() => [RelationshipDescriptorInput], { nullable: true, defaultValue: [] })
  relationships?: RelationshipDescriptorInput[] | null;
}
