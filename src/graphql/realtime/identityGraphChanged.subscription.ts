import {
  Arg,
  Ctx,
  FieldResolver,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { Context } from '../Context';
import { type IdentityGraphApi, toIdentityGraph } from '../identity/graphViews';
import { IdentityInput } from '../identity/identity.input';
import { IdentityGraphType } from '../identity/identity.type';
import { freshPerEvent } from './freshPerEvent';
import {
  type IdentityGraphChangeApi,
  IdentityGraphChangeType,
  toGraphChange,
} from './profileUpdate.type';

interface IdentityArgs {
  identity?: IdentityInput | null;
}

/** SEMANTICS §6: identities joining, leaving or relinking within a graph. */
@Resolver(() => IdentityGraphChangeType)
export class IdentityGraphChangedResolver {
  @Subscription(() => IdentityGraphChangeType, {
    description: 'Changes to this identity’s graph (to every graph when left out), one per graph',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, IdentityArgs, Context>) =>
      freshPerEvent(
        context,
        await context.services.realtime.graphChanges(args.identity ?? null),
        toGraphChange,
      ),
  })
  identityGraphChanged(
    @Root() change: IdentityGraphChangeApi,
    @Arg('identity', () => IdentityInput, { nullable: true }) _identity: IdentityInput | null,
  ): IdentityGraphChangeApi {
    return change;
  }

  @FieldResolver(() => IdentityGraphType, {
    nullable: true,
    description: 'The graph now (null if it changed again since)',
  })
  async graph(
    @Root() change: IdentityGraphChangeApi,
    @Ctx() ctx: Context,
  ): Promise<IdentityGraphApi | null> {
    const [first] = change.identities;
    const graph = first && (await ctx.services.identity.graph(first));
    return graph ? toIdentityGraph(graph) : null;
  }
}
