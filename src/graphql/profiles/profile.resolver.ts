import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import { identityFromKey } from '../../domain/identity/Identity';
import { orderFragments } from '../../domain/merge/orderFragments';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { ProfileData } from '../../services/profiles/ProfileData';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { type IdentityGraphApi, toIdentityGraph } from '../identity/graphViews';
import { IdentityInput } from '../identity/identity.input';
import { IdentityGraphType } from '../identity/identity.type';
import { MergePolicyType } from '../policies/policy.type';
import { DateTimeScalar } from '../scalars/DateTimeScalar';
import { positionOf } from '../../services/profiles/pageEvents';
import type { Connection } from '../pagination/Connection';
import { decodeEventCursor, encodeEventCursor } from './eventCursor';
import {
  type EventApi,
  ExperienceEventConnectionType,
  ExperienceEventType,
  FieldFilterInput,
  SortOrderEnum,
} from './event.type';
import { type FragmentApi, ProfileFragmentType, ProfileType } from './profile.type';
import { mergedViewResolver } from './mergedViewResolver';

@Resolver(() => ProfileType)
export class ProfileResolver extends mergedViewResolver(ProfileType) {
  @Query(() => ProfileType, {
    nullable: true,
    description: 'Null when the identity has no data or links',
  })
  async profile(
    @Arg('identity', () => IdentityInput) identity: IdentityInput,
    @Arg('mergePolicyId', () => ID, { nullable: true }) mergePolicyId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProfileData | null> {
    const [found] = await ctx.services.profiles.loadMany([identity], mergePolicyId, 'identity');
    if (found instanceof Error) throw found;
    return found ?? null;
  }

  @Query(() => [ProfileType], {
    nullable: 'items',
    description: 'At most 1000, in input order; null for unknown',
  })
  profiles(
    @Arg('identities', () => [IdentityInput]) identities: IdentityInput[],
    @Arg('mergePolicyId', () => ID, { nullable: true }) mergePolicyId: string | null,
    @Ctx() ctx: Context,
  ): Promise<(ProfileData | Error | null)[]> {
    return ctx.services.profiles.loadMany(identities, mergePolicyId, 'identities');
  }

  @FieldResolver(() => [ProfileFragmentType], {
    description: 'In the order the policy merges them',
  })
  fragments(@Root() profile: ProfileData): FragmentApi[] {
    return orderFragments(profile.fragments, profile.policy).map((f) => ({
      datasetId: f.datasetId,
      identity: identityFromKey(f.identityKey),
      attributes: f.attributes,
      updatedAt: new Date(f.updatedAt),
    }));
  }

  @FieldResolver(() => ExperienceEventConnectionType, {
    description: 'Ordered by timestamp then _id; [from, to) and where filters; opaque cursors',
  })
  async events(
    @Root() profile: ProfileData,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from: Date | null | undefined,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to: Date | null | undefined,
    @Arg('order', () => SortOrderEnum, { nullable: true, defaultValue: 'DESC' })
    order: 'ASC' | 'DESC',
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('where', () => [FieldFilterInput], { nullable: true })
    where: FieldFilterInput[] | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Omit<Connection<EventApi>, 'totalCount'>> {
    const page = await ctx.services.profiles.events(profile, {
      from: from ?? undefined,
      to: to ?? undefined,
      order,
      first,
      after: decodeEventCursor(after),
      where: where ?? [],
    });
    const edges = page.events.map((e) => ({
      cursor: encodeEventCursor(positionOf(e)),
      node: {
        id: e.eventId,
        timestamp: new Date(e.timestamp),
        datasetId: e.datasetId,
        identity: identityFromKey(e.identityKey),
        data: e.data,
      },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.end && encodeEventCursor(page.end),
      },
    };
  }

  @FieldResolver(() => MergePolicyType)
  mergePolicy(@Root() profile: ProfileData): MergePolicy {
    return profile.policy;
  }

  @FieldResolver(() => IdentityGraphType)
  identityGraph(@Root() profile: ProfileData): IdentityGraphApi {
    const { identity, graphId, nodes, links } = profile;
    if (graphId !== null) return toIdentityGraph({ id: graphId, nodes, links });
    return { id: `${identity.namespace}:${identity.id}`, size: 1, identities: [], links: [] };
  }
}

@Resolver(() => ExperienceEventType)
export class ExperienceEventResolver {
  @FieldResolver(() => DatasetType)
  async dataset(@Root() event: EventApi, @Ctx() ctx: Context): Promise<Dataset> {
    const dataset = await ctx.loaders.datasets.load(event.datasetId);
    if (dataset === undefined) throw new Error(`event of missing dataset ${event.datasetId}`);
    return dataset;
  }
}

@Resolver(() => ProfileFragmentType)
export class ProfileFragmentResolver {
  @FieldResolver(() => DatasetType)
  async dataset(@Root() fragment: FragmentApi, @Ctx() ctx: Context): Promise<Dataset> {
    const dataset = await ctx.loaders.datasets.load(fragment.datasetId);
    if (dataset === undefined) throw new Error(`fragment of missing dataset ${fragment.datasetId}`);
    return dataset;
  }
}
