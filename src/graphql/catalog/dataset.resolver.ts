import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Dataset, XdmSchema } from '../../domain/catalog/types';
import type { Context } from '../Context';
import { CreateDatasetInput, UpdateDatasetInput } from './dataset.input';
import { DatasetType } from './dataset.type';
import { XdmSchemaType } from './schema.type';

@Resolver(() => DatasetType)
export class DatasetResolver {
  @Query(() => [DatasetType])
  datasets(@Ctx() ctx: Context): Promise<Dataset[]> {
    return ctx.services.datasets.list();
  }

  @Query(() => DatasetType, { nullable: true })
  dataset(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Dataset | undefined> {
    return ctx.loaders.datasets.load(id);
  }

  @Mutation(() => DatasetType)
  createDataset(
    @Arg('input', () => CreateDatasetInput) input: CreateDatasetInput,
    @Ctx() ctx: Context,
  ): Promise<Dataset> {
    return ctx.services.datasets.create(input);
  }

  @Mutation(() => DatasetType)
  updateDataset(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDatasetInput) input: UpdateDatasetInput,
    @Ctx() ctx: Context,
  ): Promise<Dataset> {
    return ctx.services.datasets.update(id, input);
  }

  @FieldResolver(() => XdmSchemaType)
  async schema(@Root() dataset: Dataset, @Ctx() ctx: Context): Promise<XdmSchema> {
    const schema = await ctx.loaders.schemas.load(dataset.schemaId);
    // Schemas are never deleted, so this only fails if the store is corrupt.
    if (schema === undefined) throw new Error(`dataset ${dataset.id} refers to missing schema`);
    return schema;
  }
}
