import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Sandbox } from '../../domain/sandbox';
import type { Context } from '../Context';
import { SandboxType } from './sandbox.type';

@Resolver(() => SandboxType)
export class SandboxResolver {
  @Query(() => [SandboxType])
  sandboxes(@Ctx() ctx: Context): Promise<Sandbox[]> {
    return ctx.sandboxes.list();
  }

  @Mutation(() => SandboxType, { description: 'A new, empty sandbox seeded like a fresh install' })
  createSandbox(@Arg('name', () => String) name: string, @Ctx() ctx: Context): Promise<Sandbox> {
    return ctx.sandboxes.create(name);
  }
}
