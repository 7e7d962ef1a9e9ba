import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Dataset } from '../../domain/catalog/types';
import type { SchemaClass } from '../../domain/enumValues';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import { DatasetType } from '../catalog/dataset.type';
import type { Context } from '../Context';
import { SchemaClassEnum } from '../enums';
import { CreateMergePolicyInput, MergePolicyType, UpdateMergePolicyInput } from './policy.type';

@Resolver(() => MergePolicyType)
export class MergePolicyResolver {
  @Query(() => [MergePolicyType], { description: 'Defaults first' })
  mergePolicies(
    @Arg('schemaClass', () => SchemaClassEnum, { nullable: true }) schemaClass: SchemaClass | null,
    @Ctx() ctx: Context,
  ): Promise<MergePolicy[]> {
    // Events are never merged: asking for their policies finds none.
    if (schemaClass === 'EXPERIENCE_EVENT') return Promise.resolve([]);
    return ctx.services.policies.list(schemaClass ?? undefined);
  }

  @Query(() => MergePolicyType, { nullable: true })
  async mergePolicy(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<MergePolicy | undefined> {
    return ctx.loaders.policies.load(id);
  }

  @Mutation(() => MergePolicyType)
  createMergePolicy(
    @Arg('input', () => CreateMergePolicyInput) input: CreateMergePolicyInput,
    @Ctx() ctx: Context,
  ): Promise<MergePolicy> {
    const { name, identityStitching, attributeMerge, datasetOrder, isDefault, activeOnEdge } =
      input;
    const schemaClass = input.schemaClass ?? 'PROFILE';
    return ctx.services.policies.create({
      name,
      schemaClass,
      identityStitching,
      attributeMerge,
      datasetOrder,
      isDefault,
      activeOnEdge,
    });
  }

  @Mutation(() => MergePolicyType)
  updateMergePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMergePolicyInput) input: UpdateMergePolicyInput,
    @Ctx() ctx: Context,
  ): Promise<MergePolicy> {
    const { name, identityStitching, attributeMerge, datasetOrder, isDefault, activeOnEdge } =
      input;
    return ctx.services.policies.update(id, {
      name,
      identityStitching,
      attributeMerge,
      datasetOrder,
      isDefault,
      activeOnEdge,
    });
  }

  @Mutation(() => Boolean, {
    description: 'Not the default of its class, nor the one active on edge',
  })
  deleteMergePolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.policies.delete(id);
  }

  @FieldResolver(() => [DatasetType], { description: 'DATASET_PRECEDENCE only, highest first' })
  async datasetOrder(@Root() policy: MergePolicy, @Ctx() ctx: Context): Promise<Dataset[]> {
    const found = await ctx.loaders.datasets.loadMany(policy.datasetOrder);
    return found.filter((d): d is Dataset => d !== undefined && !(d instanceof Error));
  }
}
