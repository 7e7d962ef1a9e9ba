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
import type { Audience, MembershipStatus } from '../../domain/audiences/Audience';
import { type Identity, identityFromKey } from '../../domain/identity/Identity';
import type { Context } from '../Context';
import { freshPerEvent } from '../realtime/freshPerEvent';
import { AudienceMembershipChangeType, AudienceType } from './audience.type';
import { loadAudience } from './profileAudiences.resolver';

interface ChangeApi {
  audienceId: string;
  identity: Identity;
  status: MembershipStatus;
  at: Date;
}

interface AudienceArgs {
  audienceId?: string | null;
}

/** SEMANTICS §5: profiles entering (REALIZED) and leaving (EXITED) audiences. */
@Resolver(() => AudienceMembershipChangeType)
export class MembershipChangedResolver {
  @Subscription(() => AudienceMembershipChangeType, {
    description: 'Entries and exits: of one audience, or of all when left out',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, AudienceArgs, Context>) =>
      freshPerEvent(
        context,
        context.services.realtime.membershipChanges(args.audienceId ?? null),
        (e): ChangeApi => ({
          audienceId: e.audienceId,
          identity: identityFromKey(e.identityKey),
          status: e.status,
          at: new Date(e.at),
        }),
      ),
  })
  audienceMembershipChanged(
    @Root() change: ChangeApi,
    @Arg('audienceId', () => ID, { nullable: true }) _audienceId: string | null,
  ): ChangeApi {
    return change;
  }

  @FieldResolver(() => AudienceType)
  audience(@Root() change: ChangeApi, @Ctx() ctx: Context): Promise<Audience> {
    return loadAudience(ctx, change.audienceId);
  }
}
