import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import type { DatasetDistribution, StoreStatus } from '../../domain/status/storeStatus';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { DatasetDistributionType, ProfileStoreStatusType } from './storeStatus.type';

@Resolver()
export class StoreStatusResolver {
  @Query(() => ProfileStoreStatusType, {
    description: 'Counts, distributions and overlaps of the profile store, exact as of now',
  })
  profileStoreStatus(@Ctx() ctx: Context): Promise<StoreStatus> {
    return ctx.services.storeStatus.status();
  }
}

@Resolver(() => DatasetDistributionType)
export class DatasetDistributionResolver {
  @FieldResolver(() => DatasetType)
  async dataset(@Root() row: DatasetDistribution, @Ctx() ctx: Context): Promise<Dataset> {
    const dataset = await ctx.loaders.datasets.load(row.datasetId);
    if (dataset === undefined) throw new Error(`no dataset "${row.datasetId}" for its counts`);
    return dataset;
  }
}
