import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Audience } from '../../domain/audiences/Audience';
import { definitionOf } from '../../domain/audiences/definitionOf';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { JsonObject } from '../../domain/records/mergePatch';
import type { ProfileData } from '../../services/profiles/ProfileData';
import type { Context } from '../Context';
import type { Connection } from '../pagination/Connection';
import { MergePolicyType } from '../policies/policy.type';
import { JSONScalar } from '../scalars/JSONScalar';
import {
  AudienceEvaluationType,
  AudienceType,
  CreateAudienceInput,
  ProfileConnectionType,
} from './audience.type';
import { profileConnection, profilePageArgs } from './profileConnection';

@Resolver(() => AudienceType)
export class AudienceResolver {
  @Query(() => [AudienceType], { description: 'Oldest first' })
  audiences(@Ctx() ctx: Context): Promise<Audience[]> {
    return ctx.services.audiences.list();
  }

  @Query(() => AudienceType, { nullable: true })
  audience(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Audience | undefined> {
    return ctx.loaders.audiences.load(id);
  }

  @Mutation(() => AudienceType, {
    description: 'Evaluated over the existing profiles in the background, then on every change',
  })
  createAudience(
    @Arg('input', () => CreateAudienceInput) input: CreateAudienceInput,
    @Ctx() ctx: Context,
  ): Promise<Audience> {
    return ctx.services.audiences.create(input);
  }

  @Mutation(() => Boolean)
  deleteAudience(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.audiences.delete(id);
  }

  @FieldResolver(() => JSONScalar, { description: 'The condition tree, as given' })
  definition(@Root() audience: Audience): JsonObject {
    return definitionOf(audience.condition);
  }

  @FieldResolver(() => MergePolicyType)
  async mergePolicy(@Root() audience: Audience, @Ctx() ctx: Context): Promise<MergePolicy> {
    const policy = await ctx.loaders.policies.load(audience.mergePolicyId);
    if (policy === undefined) throw new Error(`audience ${audience.id} has no merge policy`);
    return policy;
  }

  @FieldResolver(() => Int, { description: 'Current members (REALIZED or EXISTING)' })
  memberCount(@Root() audience: Audience, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.memberCounts.load(audience.id);
  }

  @FieldResolver(() => AudienceEvaluationType)
  evaluation(@Root() audience: Audience): { done: boolean; evaluated: number } {
    return { done: audience.backfill.done, evaluated: audience.backfill.evaluated };
  }

  @FieldResolver(() => ProfileConnectionType, {
    description: 'Current members, as profiles under the audience’s merge policy',
  })
  async members(
    @Root() audience: Audience,
    @Arg('first', () => Int, { nullable: true, defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Connection<ProfileData>> {
    const args = profilePageArgs(first, after);
    const page = await ctx.services.audiences.members(audience, args.first, args.after);
    return profileConnection(page, await ctx.loaders.memberCounts.load(audience.id));
  }
}
