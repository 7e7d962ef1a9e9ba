import { Field, ID, Int, ObjectType } from 'type-graphql';
import type {
  IdentityDescriptor,
  RelationshipDescriptor,
  SchemaField,
  XdmSchema,
} from '../../domain/catalog/types';
import type { FieldType, SchemaClass } from '../../domain/enumValues';
import type { UnionSchema } from '../../services/catalog/SchemaService';
import { FieldTypeEnum, SchemaClassEnum } from '../enums';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('SchemaField')
export class SchemaFieldType implements SchemaField {
  @Field(() => String, { description: 'Dot path, e.g. "person.name.firstName"' })
  path!: string;

  @Field(() => FieldTypeEnum)
  type!: FieldType;

  @Field(() => FieldTypeEnum, { nullable: true, description: 'For ARRAY' })
  itemType!: FieldType | null;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType('IdentityDescriptor')
export class IdentityDescriptorType implements IdentityDescriptor {
  @Field(() => String, { description: 'Dot path of a string field holding the identity value' })
  path!: string;

  @Field(() => String)
  namespace!: string;

  @Field(() => Boolean)
  primary!: boolean;
}

@ObjectType('RelationshipDescriptor')
export class RelationshipDescriptorType implements RelationshipDescriptor {
  @Field(() => String, {
    description: "Dot path of a string field holding the related record's identity value",
  })
  path!: string;

  @Field(() => String, { description: 'Namespace of that identity, e.g. B2BAccount' })
  namespace!: string;
}

@ObjectType('XdmSchema', { description: 'A class plus fields and identity descriptors' })
export class XdmSchemaType implements XdmSchema {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SchemaClassEnum)
  class!: SchemaClass;

  @Field(() => Int, { description: 'Goes up on every change' })
  version!: number;

  @Field(() => [SchemaFieldType], {
    description:
      'Declared fields, their implied parent objects and the implicit fields of the class',
  })
  fields!: SchemaField[];

  @Field(() => [IdentityDescriptorType])
  identityDescriptors!: IdentityDescriptor[];

  @Field(() => [RelationshipDescriptorType])
  relationships!: RelationshipDescriptor[];

  @Field(() => Boolean, { description: 'Irreversible once true' })
  profileEnabled!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType('UnionSchema', {
  description: 'Per class: the fields of every profile-enabled schema of it, plus identityMap',
})
export class UnionSchemaType implements UnionSchema {
  @Field(() => SchemaClassEnum)
  class!: SchemaClass;

  @Field(() => [XdmSchemaType])
  schemas!: XdmSchema[];

  @Field(() => [SchemaFieldType])
  fields!: SchemaField[];
}
