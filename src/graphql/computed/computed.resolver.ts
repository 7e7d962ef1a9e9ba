import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type {
  ComputedAttribute,
  ComputedAttributeStatus,
} from '../../domain/computed/ComputedAttribute';
import type { Context } from '../Context';
import {
  ComputedAttributeStatusEnum,
  ComputedAttributeType,
  CreateComputedAttributeInput,
} from './computed.type';

@Resolver(() => ComputedAttributeType)
export class ComputedAttributeResolver {
  @Query(() => [ComputedAttributeType], { description: 'Oldest first' })
  computedAttributes(@Ctx() ctx: Context): Promise<ComputedAttribute[]> {
    return ctx.services.computed.list();
  }

  @Mutation(() => ComputedAttributeType)
  createComputedAttribute(
    @Arg('input', () => CreateComputedAttributeInput) input: CreateComputedAttributeInput,
    @Ctx() ctx: Context,
  ): Promise<ComputedAttribute> {
    return ctx.services.computed.create(input);
  }

  @Mutation(() => ComputedAttributeType, {
    description: 'ACTIVE (at most 100) or DISABLED; never back to DRAFT',
  })
  setComputedAttributeStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ComputedAttributeStatusEnum) status: ComputedAttributeStatus,
    @Ctx() ctx: Context,
  ): Promise<ComputedAttribute> {
    return ctx.services.computed.setStatus(id, status);
  }

  @Mutation(() => Boolean, { description: 'Refused while an audience uses it' })
  deleteComputedAttribute(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.computed.delete(id);
  }
}
