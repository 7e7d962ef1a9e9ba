import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  AGGREGATION_FUNCTIONS,
  type AggregationFunction,
  COMPUTED_ATTRIBUTE_STATUSES,
  type ComputedAttributeStatus,
} from '../../domain/computed/ComputedAttribute';
import { type Duration, DURATION_UNITS, type DurationUnit } from '../../domain/computed/Duration';
import type { FieldFilter } from '../../domain/filters/FieldFilter';
import { asEnum } from '../enums';
import { FieldFilterInput } from '../profiles/event.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { JSONScalar } from '../scalars/JSONScalar';

export const AggregationFunctionEnum = asEnum(AGGREGATION_FUNCTIONS);
registerEnumType(AggregationFunctionEnum, { name: 'AggregationFunction' });

export const DurationUnitEnum = asEnum(DURATION_UNITS);
registerEnumType(DurationUnitEnum, { name: 'DurationUnit' });

export const ComputedAttributeStatusEnum = asEnum(COMPUTED_ATTRIBUTE_STATUSES);
registerEnumType(ComputedAttributeStatusEnum, { name: 'ComputedAttributeStatus' });

/** One class for the output type and its input twin: the same two fields either way. */
@ObjectType('Duration')
@InputType('DurationInput')
export class DurationType implements Duration {
  @Field(() => Int)
  count!: number;

  @Field(() => DurationUnitEnum)
  unit!: DurationUnit;
}

@ObjectType('ComputedAttribute', {
  description: 'An aggregation over each profile’s events in a rolling window',
})
export class ComputedAttributeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => AggregationFunctionEnum)
  function!: AggregationFunction;

  @Field(() => String, { nullable: true, description: 'Event field aggregated; not for COUNT' })
  field!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The event filter, as given' })
  where!: FieldFilter[];

  @Field(() => DurationType)
  lookback!: Duration;

  @Field(() => ComputedAttributeStatusEnum)
  status!: ComputedAttributeStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@InputType('CreateComputedAttributeInput')
export class CreateComputedAttributeInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => AggregationFunctionEnum)
  function!: AggregationFunction;

  @Field(() => String, { nullable: true })
  field?: string | null;

  @Field(() => [FieldFilterInput], { nullable: true })
  where?: FieldFilterInput[] | null;

  @Field(() => DurationType)
  lookback!: DurationType;

  @Field(() => ComputedAttributeStatusEnum, { nullable: true, defaultValue: 'ACTIVE' })
  status?: ComputedAttributeStatus | null;
}

@ObjectType('ComputedAttributeValue')
export class ComputedAttributeValueType {
  @Field(() => String)
  name!: string;

  @Field(() => JSONScalar, { nullable: true })
  value!: unknown;

  @Field(() => DateTimeScalar, {
    description: 'When it was computed: values are current when read',
  })
  updatedAt!: Date;
}
