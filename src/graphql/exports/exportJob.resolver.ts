import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Audience } from '../../domain/audiences/Audience';
import { downloadPathOf, type ExportJob } from '../../domain/exports/ExportJob';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import { AudienceType } from '../audiences/audience.type';
import type { Context } from '../Context';
import { MergePolicyType } from '../policies/policy.type';
import { CreateExportJobInput, ExportJobType } from './exportJob.type';

@Resolver(() => ExportJobType)
export class ExportJobResolver {
  @Query(() => [ExportJobType], { description: 'Newest first' })
  exportJobs(@Ctx() ctx: Context): Promise<ExportJob[]> {
    return ctx.services.exports.list();
  }

  @Query(() => ExportJobType, { nullable: true })
  exportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExportJob | undefined> {
    return ctx.services.exports.get(id);
  }

  @Mutation(() => ExportJobType, {
    description:
      'Writes merged profiles (all, or an audience’s members) to an NDJSON or CSV file in the background; download it from downloadPath once SUCCESS',
  })
  createExportJob(
    @Arg('input', () => CreateExportJobInput) input: CreateExportJobInput,
    @Ctx() ctx: Context,
  ): Promise<ExportJob> {
    return ctx.services.exports.create(input);
  }

  @Mutation(() => ExportJobType, {
    description: 'Stops an unfinished export: it fails as cancelled, its partial file removed',
  })
  cancelExportJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ExportJob> {
    return ctx.services.exports.cancel(id);
  }

  @FieldResolver(() => MergePolicyType, {
    description:
      'The policy as the export used it (that version), even if changed or deleted since',
  })
  mergePolicy(@Root() job: ExportJob): MergePolicy {
    return job.mergePolicy;
  }

  @FieldResolver(() => AudienceType, { nullable: true, description: 'Null: every profile' })
  async audience(@Root() job: ExportJob, @Ctx() ctx: Context): Promise<Audience | null> {
    if (job.audienceId === null) return null;
    return (await ctx.loaders.audiences.load(job.audienceId)) ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'GET this path on the server for the file (same sandbox header), once SUCCESS',
  })
  downloadPath(@Root() job: ExportJob): string | null {
    return downloadPathOf(job);
  }
}
