import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('Dataset', { description: 'Records of one schema; the unit of ingestion' })
export class DatasetType implements Omit<Dataset, 'schemaId'> {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'Its records reach the profile store' })
  profileEnabled!: boolean;

  @Field(() => Boolean, { description: 'Its records link identities in the identity graph' })
  identityEnabled!: boolean;

  @Field(() => Boolean, { description: 'Accepts MERGE (upsert) records' })
  upsertEnabled!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Events older than this leave the profile store',
  })
  eventTtlDays!: number | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
