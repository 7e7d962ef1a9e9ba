import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { AppError } from '../domain/AppError';
import { buildGraphQLSchema } from '../graphql/buildGraphQLSchema';
import type { Context } from '../graphql/Context';
import { toClientError } from '../graphql/toClientError';
import type { Logger } from '../logger';
import type { EventBus } from '../realtime/EventBus';
import { InProcessEventBus } from '../realtime/InProcessEventBus';
import { type Clock, systemClock } from '../services/Clock';
import { SandboxService } from '../services/SandboxService';
import type { Store } from '../storage/ports';
import { ContextFactory } from './ContextFactory';
import { graphiqlPage } from './graphiqlPage';
import { healthRoutes } from './healthRoutes';
import { httpErrorHandler } from './httpErrorHandler';
import { startSubscriptionServer } from './startSubscriptionServer';

export interface ServerDeps {
  store: Store;
  /** Where committed changes are announced; in-process unless given. */
  bus?: EventBus;
  logger: Logger;
  clock?: Clock;
}

export interface TesseraServer {
  readonly httpServer: Server;
  /** Listens on `port` (0: any free one) and resolves with the port taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, drains HTTP and WebSocket clients. Idempotent. The store stays open. */
  stop(): Promise<void>;
}

/** One HTTP port: GraphQL (POST, GET, graphql-ws) and GraphiQL at /graphql, health routes. */
export async function createTesseraServer(deps: ServerDeps): Promise<TesseraServer> {
  const { store, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const schema = await buildGraphQLSchema();
  const sandboxes = new SandboxService(store, clock);
  await sandboxes.prepare();
  const bus = deps.bus ?? new InProcessEventBus();
  const contexts = new ContextFactory(store, bus, sandboxes, clock);
  const logUnexpected = (err: unknown) => {
    logger.error({ err }, 'unexpected error in a request');
  };

  const app = express();
  const httpServer = createServer(app);
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
      { serverWillStart: () => Promise.resolve({ drainServer: () => subscriptions.dispose() }) },
    ],
  });
  await apollo.start();

  let stopping: Promise<void> | undefined;
  app.disable('x-powered-by');
  app.use(healthRoutes(store, () => stopping !== undefined));
  app.get('/graphql', (req, res, next) => {
    const wantsPage = req.query['query'] === undefined && req.accepts(['json', 'html']) === 'html';
    if (wantsPage) res.type('html').send(graphiqlPage());
    else next();
  });
  app.use(
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
  app.use(httpErrorHandler(logger));

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    stop: () => (stopping ??= apollo.stop()),
  };
}

/** Context failures (an unknown sandbox) answer with their code and a 4xx status. */
function asContextError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const status = error.code === 'NOT_FOUND' ? 404 : 400;
  return new GraphQLError(error.message, {
    extensions: { code: error.code, field: error.field, http: { status } },
  });
}
