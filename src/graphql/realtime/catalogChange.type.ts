import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  CATALOG_ACTIONS,
  CATALOG_ITEM_KINDS,
  type CatalogAction,
  type CatalogChange,
  type CatalogItemKind,
} from '../../domain/catalog/CatalogChange';
import { asEnum } from '../enums';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

export const CatalogItemKindEnum = asEnum(CATALOG_ITEM_KINDS);
registerEnumType(CatalogItemKindEnum, { name: 'CatalogItemKind' });

export const CatalogActionEnum = asEnum(CATALOG_ACTIONS);
registerEnumType(CatalogActionEnum, { name: 'CatalogAction' });

@ObjectType('CatalogChange', { description: 'A committed change to the catalog of the sandbox' })
export class CatalogChangeType implements CatalogChange {
  @Field(() => CatalogItemKindEnum)
  kind!: CatalogItemKind;

  @Field(() => CatalogActionEnum)
  action!: CatalogAction;

  @Field(() => ID, { description: 'Schema or dataset id; namespace code' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeScalar)
  at!: Date;
}
