import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { IdentityNamespace } from '../../domain/catalog/types';
import type { Context } from '../Context';
import { CreateIdentityNamespaceInput } from './namespace.input';
import { IdentityNamespaceType } from './namespace.type';

@Resolver(() => IdentityNamespaceType)
export class NamespaceResolver {
  @Query(() => [IdentityNamespaceType])
  identityNamespaces(@Ctx() ctx: Context): Promise<IdentityNamespace[]> {
    return ctx.services.namespaces.list();
  }

  @Mutation(() => IdentityNamespaceType)
  createIdentityNamespace(
    @Arg('input', () => CreateIdentityNamespaceInput) input: CreateIdentityNamespaceInput,
    @Ctx() ctx: Context,
  ): Promise<IdentityNamespace> {
    return ctx.services.namespaces.create(input);
  }
}
