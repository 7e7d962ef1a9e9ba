import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FILTER_OPERATORS, type FieldFilter } from '../../domain/filters/FieldFilter';
import type { Identity } from '../../domain/identity/Identity';
import { asEnum } from '../enums';
import { IdentityType_ } from '../identity/identity.type';
import type { Connection, Edge, PageInfo } from '../pagination/Connection';
import { PageInfoType } from '../pagination/PageInfo';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

export const SortOrderEnum = asEnum(['ASC', 'DESC'] as const);
registerEnumType(SortOrderEnum, { name: 'SortOrder' });

export const FilterOperatorEnum = asEnum(FILTER_OPERATORS);
registerEnumType(FilterOperatorEnum, { name: 'FilterOperator' });

@InputType('FieldFilter', { description: 'A condition on a field; a list of them must all hold' })
export class FieldFilterInput implements FieldFilter {
  @Field(() => String, { description: 'Dot path of the field' })
  path!: string;

  @Field(() => FilterOperatorEnum)
  op!: FieldFilter['op'];

  @Field(() => JSONScalar, { nullable: true })
  value?: unknown;
}

/** An event as the API shows it; `datasetId` is resolved to its dataset. */
export interface EventApi {
  id: string;
  timestamp: Date;
  datasetId: string;
  identity: Identity;
  data: unknown;
}

@ObjectType('ExperienceEvent')
export class ExperienceEventType implements Omit<EventApi, 'datasetId'> {
  @Field(() => ID, { description: "The event's _id" })
  id!: string;

  @Field(() => DateTimeScalar)
  timestamp!: Date;

  @Field(() => IdentityType_, { description: 'The primary identity it is stored under' })
  identity!: Identity;

  @Field(() => JSONScalar)
  data!: unknown;
}

@ObjectType('ExperienceEventEdge')
export class ExperienceEventEdgeType implements Edge<EventApi> {
  @Field(() => String)
  cursor!: string;

  @Field(() => ExperienceEventType)
  node!: EventApi;
}

@ObjectType('ExperienceEventConnection')
export class ExperienceEventConnectionType implements Omit<Connection<EventApi>, 'totalCount'> {
  @Field(() => [ExperienceEventEdgeType])
  edges!: Edge<EventApi>[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfo;
}
