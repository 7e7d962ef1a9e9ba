import {
  Arg,
  Ctx,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { notFound } from '../../domain/AppError';
import type { ExportJob } from '../../domain/exports/ExportJob';
import type { Context } from '../Context';
import { freshPerEvent } from '../realtime/freshPerEvent';
import { ExportJobType } from './exportJob.type';

interface ExportArgs {
  id?: string | null;
}

/** SEMANTICS §7: an export's status and progress, read fresh for each change. */
@Resolver(() => ExportJobType)
export class ExportJobChangedResolver {
  @Subscription(() => ExportJobType, {
    description:
      'Status changes, and progress at most every half second while it runs: one job, or all',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ExportArgs, Context>) =>
      freshPerEvent(context, context.services.realtime.exportChanges(args.id ?? null)),
  })
  async exportJobChanged(
    @Root() exportId: string,
    @Arg('id', () => ID, { nullable: true }) _id: string | null,
    @Ctx() ctx: Context,
  ): Promise<ExportJob> {
    const job = await ctx.services.exports.get(exportId);
    if (job === undefined) throw notFound('id', `there is no export job "${exportId}"`);
    return job;
  }
}
