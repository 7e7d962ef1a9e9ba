import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { IngestResult } from '../../services/ingestion/IngestionService';
import type { Context } from '../Context';
import { IngestInput, IngestResultType } from './ingest.type';

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestResultType, {
    description: 'Streams up to 1000 records into a dataset; answers per record once committed',
  })
  ingest(
    @Arg('input', () => IngestInput) input: IngestInput,
    @Ctx() ctx: Context,
  ): Promise<IngestResult> {
    return ctx.services.ingestion.ingest({
      datasetId: input.datasetId,
      operation: input.operation ?? 'CREATE',
      records: input.records,
    });
  }
}
