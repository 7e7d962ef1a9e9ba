import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { XdmSchema } from '../../domain/catalog/types';
import type { SchemaClass } from '../../domain/enumValues';
import type { UnionSchema } from '../../services/catalog/SchemaService';
import type { Context } from '../Context';
import { SchemaClassEnum } from '../enums';
import { CreateSchemaInput, SchemaFieldInput } from './schema.input';
import { UnionSchemaType, XdmSchemaType } from './schema.type';

@Resolver(() => XdmSchemaType)
export class SchemaResolver {
  @Query(() => [XdmSchemaType])
  schemas(
    @Arg('class', () => SchemaClassEnum, { nullable: true }) schemaClass: SchemaClass | null,
    @Ctx() ctx: Context,
  ): Promise<XdmSchema[]> {
    return ctx.services.schemas.list(schemaClass ?? undefined);
  }

  @Query(() => XdmSchemaType, { nullable: true })
  schema(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<XdmSchema | undefined> {
    return ctx.loaders.schemas.load(id);
  }

  @Query(() => UnionSchemaType)
  unionSchema(
    @Arg('class', () => SchemaClassEnum) schemaClass: SchemaClass,
    @Ctx() ctx: Context,
  ): Promise<UnionSchema> {
    return ctx.services.schemas.union(schemaClass);
  }

  @Mutation(() => XdmSchemaType)
  createSchema(
    @Arg('input', () => CreateSchemaInput) input: CreateSchemaInput,
    @Ctx() ctx: Context,
  ): Promise<XdmSchema> {
    return ctx.services.schemas.create({
      name: input.name,
      class: input.class,
      fields: input.fields,
      identityDescriptors: input.identityDescriptors ?? [],
      relationships: input.relationships ?? [],
    });
  }

  @Mutation(() => XdmSchemaType)
  addSchemaFields(
    @Arg('schemaId', () => ID) schemaId: string,
    @Arg('fields', () => [SchemaFieldInput]) fields: SchemaFieldInput[],
    @Ctx() ctx: Context,
  ): Promise<XdmSchema> {
    return ctx.services.schemas.addFields(schemaId, fields);
  }

  @Mutation(() => XdmSchemaType)
  enableSchemaForProfile(
    @Arg('schemaId', () => ID) schemaId: string,
    @Ctx() ctx: Context,
  ): Promise<XdmSchema> {
    return ctx.services.schemas.enableForProfile(schemaId);
  }
}
