import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { Batch } from '../../domain/batch/Batch';
import type { Dataset } from '../../domain/catalog/types';
import { notFound } from '../../domain/AppError';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { BatchType } from '../batch/batch.type';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { IdentityInput } from '../identity/identity.input';
import { ProfileType } from '../profiles/profile.type';
import { freshPerEvent } from './freshPerEvent';
import { type ProfileUpdateApi, ProfileUpdateType, toProfileUpdate } from './profileUpdate.type';

interface IdentityArgs {
  identity?: IdentityInput | null;
}

/** SEMANTICS §6: changes to profiles, delivered after they commit. */
@Resolver(() => ProfileUpdateType)
export class ProfileUpdatesResolver {
  @Subscription(() => ProfileUpdateType, {
    description: 'Changes to any identity of this identity’s graph (all profiles when left out)',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, IdentityArgs, Context>) =>
      freshPerEvent(
        context,
        await context.services.realtime.profileUpdates(args.identity ?? null),
        toProfileUpdate,
      ),
  })
  profileUpdated(
    @Root() update: ProfileUpdateApi,
    @Arg('identity', () => IdentityInput, { nullable: true }) _identity: IdentityInput | null,
  ): ProfileUpdateApi {
    return update;
  }

  @FieldResolver(() => DatasetType, { nullable: true })
  async dataset(@Root() update: ProfileUpdateApi, @Ctx() ctx: Context): Promise<Dataset | null> {
    if (update.datasetId === null) return null;
    return (await ctx.loaders.datasets.load(update.datasetId)) ?? null;
  }

  @FieldResolver(() => ProfileType, {
    nullable: true,
    description: 'The merged profile now, under the default policy (null after DELETE)',
  })
  async profile(
    @Root() update: ProfileUpdateApi,
    @Ctx() ctx: Context,
  ): Promise<ProfileData | null> {
    if (update.kind === 'DELETE') return null;
    const [found] = await ctx.services.profiles.loadMany([update.identity], null, 'identity');
    if (found instanceof Error) throw found;
    return found ?? null;
  }
}

interface BatchArgs {
  batchId?: string | null;
}

@Resolver()
export class BatchStatusResolver {
  @Subscription(() => BatchType, {
    description: 'A batch’s status and progress: at least every second while it runs',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, BatchArgs, Context>) =>
      freshPerEvent(context, context.services.realtime.batchChanges(args.batchId ?? null)),
  })
  async batchStatusChanged(
    @Root() batchId: string,
    @Arg('batchId', () => ID, { nullable: true }) _batchId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Batch> {
    const batch = await ctx.services.batches.get(batchId);
    if (batch === undefined) throw notFound('batchId', `there is no batch "${batchId}"`);
    return batch;
  }
}
