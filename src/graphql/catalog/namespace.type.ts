import { Field, ObjectType } from 'type-graphql';
import type { IdentityNamespace } from '../../domain/catalog/types';
import type { IdentityType } from '../../domain/enumValues';
import { IdentityTypeEnum } from '../enums';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('IdentityNamespace', { description: 'A kind of identifier: Email, CRMID, ECID, ...' })
export class IdentityNamespaceType implements IdentityNamespace {
  @Field(() => String, { description: 'Unique (case-insensitively) and immutable' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => IdentityTypeEnum)
  type!: IdentityType;

  @Field(() => Boolean, { description: 'False for the seeded standard namespaces' })
  custom!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
