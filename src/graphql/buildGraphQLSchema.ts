import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { DatasetResolver } from './catalog/dataset.resolver';
import { NamespaceResolver } from './catalog/namespace.resolver';
import { SchemaResolver } from './catalog/schema.resolver';
import { SandboxResolver } from './sandbox/sandbox.resolver';

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [NamespaceResolver, SchemaResolver, DatasetResolver, SandboxResolver],
    // Inputs are checked by the domain, which knows the rules and names the bad field.
    validate: false,
  });
}

const HEADER =
  '# The GraphQL API of Tessera, emitted from the code by `npm run emit-schema`. Do not edit.\n\n';

/** The SDL committed as schema/schema.graphql; sorted so that diffs show only real changes. */
export async function printGraphQLSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildGraphQLSchema())) + '\n';
}
