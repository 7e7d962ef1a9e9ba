import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Batch } from '../../domain/batch/Batch';
import type { Dataset } from '../../domain/catalog/types';
import type { SystemJob } from '../../domain/jobs/SystemJob';
import { BatchType } from '../batch/batch.type';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { CreateSystemJobInput, SystemJobType } from './systemJob.type';

@Resolver(() => SystemJobType)
export class SystemJobResolver {
  @Query(() => [SystemJobType], { description: 'Newest first' })
  systemJobs(@Ctx() ctx: Context): Promise<SystemJob[]> {
    return ctx.services.jobs.list();
  }

  @Query(() => SystemJobType, { nullable: true })
  systemJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SystemJob | undefined> {
    return ctx.services.jobs.get(id);
  }

  @Mutation(() => SystemJobType, {
    description:
      "Deletes a dataset's fragments and events (TRUNCATE_DATASET), or the events of one batch (DELETE_EVENT_BATCH), in the background",
  })
  createSystemJob(
    @Arg('input', () => CreateSystemJobInput) input: CreateSystemJobInput,
    @Ctx() ctx: Context,
  ): Promise<SystemJob> {
    return ctx.services.jobs.create({ datasetId: input.datasetId, batchId: input.batchId ?? null });
  }

  @FieldResolver(() => DatasetType)
  async dataset(@Root() job: SystemJob, @Ctx() ctx: Context): Promise<Dataset> {
    const dataset = await ctx.loaders.datasets.load(job.datasetId);
    if (dataset === undefined) throw new Error(`job ${job.id} refers to a missing dataset`);
    return dataset;
  }

  @FieldResolver(() => BatchType, { nullable: true })
  async batch(@Root() job: SystemJob, @Ctx() ctx: Context): Promise<Batch | null> {
    if (job.batchId === null) return null;
    return (await ctx.loaders.batches.load(job.batchId)) ?? null;
  }
}
