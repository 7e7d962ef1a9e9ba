import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Batch, FailedRecord } from '../../domain/batch/Batch';
import type { Connection } from '../pagination/Connection';
import type { Dataset } from '../../domain/catalog/types';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/cursor';
import { BatchType, CreateBatchInput, FailedRecordConnectionType } from './batch.type';

@Resolver(() => BatchType)
export class BatchResolver {
  @Query(() => BatchType, { nullable: true })
  batch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Batch | undefined> {
    return ctx.services.batches.get(id);
  }

  @Query(() => [BatchType], { description: 'Newest first' })
  batches(
    @Arg('datasetId', () => ID, { nullable: true }) datasetId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Batch[]> {
    return ctx.services.batches.list(datasetId ?? undefined);
  }

  @Mutation(() => BatchType, {
    description: 'Then PUT each file to /batches/{id}/files/{fileName} and call completeBatch',
  })
  createBatch(
    @Arg('input', () => CreateBatchInput) input: CreateBatchInput,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    const { datasetId, format } = input;
    return ctx.services.batches.create({
      datasetId,
      format,
      operation: input.operation ?? 'CREATE',
    });
  }

  @Mutation(() => BatchType, {
    description: 'Starts processing the uploaded files in the background',
  })
  completeBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Batch> {
    return ctx.services.batches.complete(id);
  }

  @Mutation(() => BatchType, {
    description: 'Stops a loading or processing batch; stored records stay',
  })
  abortBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Batch> {
    return ctx.services.batches.abort(id);
  }

  @FieldResolver(() => DatasetType)
  async dataset(@Root() batch: Batch, @Ctx() ctx: Context): Promise<Dataset> {
    const dataset = await ctx.loaders.datasets.load(batch.datasetId);
    if (dataset === undefined) throw new Error(`batch ${batch.id} refers to a missing dataset`);
    return dataset;
  }

  @FieldResolver(() => Int)
  recordsTotal(@Root() batch: Batch): number {
    return batch.recordsAccepted + batch.recordsRejected;
  }

  @FieldResolver(() => FailedRecordConnectionType)
  async failedRecords(
    @Root() batch: Batch,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<FailedRecord>> {
    const size = pageSize(first, 1000, 'first');
    const from = decodeCursor(after, 'after');
    const rows = await ctx.services.batches.failures(batch.id, from, size + 1);
    const page = rows.slice(0, size);
    const edges = page.map((r) => ({ cursor: encodeCursor(r.seq), node: r.failure }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: await ctx.services.batches.countFailures(batch.id),
    };
  }
}
