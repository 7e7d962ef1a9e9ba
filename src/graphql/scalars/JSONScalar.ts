import { GraphQLJSON } from 'graphql-scalars';

/** Any JSON value (records, merged attributes, condition trees). */
export const JSONScalar = GraphQLJSON;
