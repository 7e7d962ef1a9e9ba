import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import type { IdentitySettings } from '../../domain/identity/IdentitySettings';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import {
  type IdentityGraphApi,
  type IdentityLinkApi,
  toIdentityGraph,
  toLinkPath,
} from './graphViews';
import { IdentityInput, IdentitySettingsInput } from './identity.input';
import { IdentityGraphType, IdentityLinkType, IdentitySettingsType } from './identity.type';

@Resolver(() => IdentityLinkType)
export class IdentityResolver {
  @Query(() => IdentitySettingsType)
  identitySettings(@Ctx() ctx: Context): Promise<IdentitySettings> {
    return ctx.services.identity.settings();
  }

  @Mutation(() => IdentitySettingsType, {
    description: 'Existing graphs that break the new rules are repaired in the background',
  })
  updateIdentitySettings(
    @Arg('input', () => IdentitySettingsInput) input: IdentitySettingsInput,
    @Ctx() ctx: Context,
  ): Promise<IdentitySettings> {
    return ctx.services.identity.updateSettings({
      maxGraphSize: input.maxGraphSize ?? undefined,
      uniqueNamespaces: input.uniqueNamespaces ?? undefined,
      namespacePriority: input.namespacePriority ?? undefined,
      blockedValues: input.blockedValues ?? undefined,
    });
  }

  @Query(() => IdentityGraphType, { nullable: true })
  async identityGraph(
    @Arg('identity', () => IdentityInput) identity: IdentityInput,
    @Ctx() ctx: Context,
  ): Promise<IdentityGraphApi | undefined> {
    const graph = await ctx.services.identity.graph(identity);
    return graph && toIdentityGraph(graph);
  }

  @Query(() => [IdentityLinkType], {
    nullable: true,
    description: 'The shortest chain of links joining two identities; null when not linked',
  })
  async identityLinkPath(
    @Arg('from', () => IdentityInput) from: IdentityInput,
    @Arg('to', () => IdentityInput) to: IdentityInput,
    @Ctx() ctx: Context,
  ): Promise<IdentityLinkApi[] | undefined> {
    const steps = await ctx.services.identity.linkPath(from, to);
    return steps && toLinkPath(steps);
  }

  @FieldResolver(() => [DatasetType])
  async datasets(@Root() link: IdentityLinkApi, @Ctx() ctx: Context): Promise<Dataset[]> {
    const found = await ctx.loaders.datasets.loadMany(link.datasetIds);
    return found.filter((d): d is Dataset => d !== undefined && !(d instanceof Error));
  }
}
