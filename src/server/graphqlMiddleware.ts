import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler, Router } from 'express';
import { GraphQLError } from 'graphql';
import { AppError } from '../domain/AppError';
import { buildGraphQLSchema } from '../graphql/buildGraphQLSchema';
import type { Context } from '../graphql/Context';
import { toClientError } from '../graphql/toClientError';
import type { ContextFactory } from './ContextFactory';
import { graphiqlPage } from './graphiqlPage';
import { noStorePlugin } from './noStorePlugin';
import { startSubscriptionServer } from './startSubscriptionServer';

export interface GraphQLEndpoint {
  /** Serves /graphql: GraphiQL to browsers, GraphQL over HTTP to everyone else. */
  router: Router;
  /** Drains HTTP and closes WebSockets. */
  stop(): Promise<void>;
}

/** GraphQL at /graphql over HTTP (Apollo) and graphql-ws, on the given HTTP server. */
export async function graphqlEndpoint(
  httpServer: Server,
  contexts: ContextFactory,
  logUnexpected: (error: unknown) => void,
): Promise<GraphQLEndpoint> {
  const schema = await buildGraphQLSchema();
  const subscriptions = startSubscriptionServer({ httpServer, schema, contexts, logUnexpected });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => toClientError(formatted, error, logUnexpected),
    includeStacktraceInErrorResponses: false,
    // CSRF needs ambient credentials (cookies), which this API does not use; JSON-only POST
    // bodies already force a CORS preflight for mutations. Plain GET queries stay usable.
    csrfPrevention: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      { serverWillStart: () => Promise.resolve({ drainServer: () => subscriptions.dispose() }) },
    ],
  });
  await apollo.start();
  const router = Router();
  router.get('/graphql', graphiqlForBrowsers);
  router.use(
    '/graphql',
    express.json({ limit: '64mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await contexts.forHeaders(req.headers);
        } catch (error) {
          throw asContextError(error);
        }
      },
    }),
  );
  return { router, stop: () => apollo.stop() };
}

const graphiqlForBrowsers: RequestHandler = (req, res, next) => {
  const wantsPage = req.query['query'] === undefined && req.accepts(['json', 'html']) === 'html';
  if (wantsPage) res.type('html').send(graphiqlPage());
  else next();
};

/** Context failures (an unknown sandbox) answer with their code and a 4xx status. */
function asContextError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const status = error.code === 'NOT_FOUND' ? 404 : 400;
  return new GraphQLError(error.message, {
    extensions: { code: error.code, field: error.field, http: { status } },
  });
}
