import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  DatasetDistribution,
  NamespaceDistribution,
  Overlap,
  StoreStatus,
} from '../../domain/status/storeStatus';
import { DateTimeScalar } from '../scalars/DateTimeScalar';

@ObjectType('DatasetDistribution')
export class DatasetDistributionType implements Omit<DatasetDistribution, 'datasetId'> {
  @Field(() => Int)
  fragmentCount!: number;

  @Field(() => Int)
  eventCount!: number;

  @Field(() => Int, { description: 'Profiles with at least one fragment or event of it' })
  profileCount!: number;

  @Field(() => Float, { description: 'Of all profiles, 0 to 100' })
  percentage!: number;
}

@ObjectType('NamespaceDistribution')
export class NamespaceDistributionType implements NamespaceDistribution {
  @Field(() => String)
  namespace!: string;

  @Field(() => Int, { description: 'Identities of it in the identity graph' })
  identityCount!: number;

  @Field(() => Int, { description: 'Profiles with at least one identity of it' })
  profileCount!: number;

  @Field(() => Float, { description: 'Of all profiles, 0 to 100' })
  percentage!: number;
}

@ObjectType('Overlap')
export class OverlapType implements Overlap {
  @Field(() => [String], { description: 'Dataset ids or namespace codes, sorted' })
  keys!: string[];

  @Field(() => Int, { description: 'Profiles with exactly this combination' })
  profileCount!: number;
}

@ObjectType('ProfileStoreStatus', { description: 'Exact counts, not samples' })
export class ProfileStoreStatusType implements Omit<
  StoreStatus,
  'byDataset' | 'byNamespace' | 'datasetOverlap' | 'namespaceOverlap'
> {
  @Field(() => Int, { description: 'Identity graphs with at least one fragment or event' })
  profileCount!: number;

  @Field(() => Int)
  fragmentCount!: number;

  @Field(() => Int)
  eventCount!: number;

  @Field(() => Int)
  identityCount!: number;

  @Field(() => [DatasetDistributionType])
  byDataset!: DatasetDistribution[];

  @Field(() => [NamespaceDistributionType])
  byNamespace!: NamespaceDistribution[];

  @Field(() => [OverlapType])
  datasetOverlap!: Overlap[];

  @Field(() => [OverlapType])
  namespaceOverlap!: Overlap[];

  @Field(() => DateTimeScalar, { nullable: true })
  lastIngestedAt!: Date | null;
}
