import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { RecordValidators } from '../domain/records/RecordValidators';
import type { Logger } from '../logger';
import type { EventBus } from '../realtime/EventBus';
import { InProcessEventBus } from '../realtime/InProcessEventBus';
import { type Clock, systemClock } from '../services/Clock';
import { IdentityRepairs } from '../services/identity/IdentityRepairs';
import type { Platform } from '../services/Platform';
import { SandboxService } from '../services/SandboxService';
import type { Store } from '../storage/ports';
import { ContextFactory } from './ContextFactory';
import { graphqlEndpoint } from './graphqlMiddleware';
import { healthRoutes } from './healthRoutes';
import { httpErrorHandler } from './httpErrorHandler';

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
  const platform = createPlatform(deps);
  const sandboxes = new SandboxService(platform.store, platform.clock);
  await sandboxes.prepare();
  // Finishes repairs a restart interrupted (they look for graphs that break the rules).
  for (const { name } of await sandboxes.list()) platform.repairs.schedule(name);
  const contexts = new ContextFactory(platform, sandboxes);
  const logUnexpected = (err: unknown) => {
    deps.logger.error({ err }, 'unexpected error in a request');
  };

  const app = express();
  const httpServer = createServer(app);
  const graphql = await graphqlEndpoint(httpServer, contexts, logUnexpected);
  let stopping: Promise<void> | undefined;
  app.disable('x-powered-by');
  app.use(healthRoutes(platform.store, () => stopping !== undefined));
  app.use(graphql.router);
  app.use(httpErrorHandler(deps.logger));

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          resolve((httpServer.address() as AddressInfo).port);
        });
      }),
    stop: () => (stopping ??= graphql.stop().then(() => platform.repairs.idle())),
  };
}

function createPlatform(deps: ServerDeps): Platform {
  return {
    store: deps.store,
    bus: deps.bus ?? new InProcessEventBus(),
    clock: deps.clock ?? systemClock,
    logger: deps.logger,
    repairs: new IdentityRepairs(deps.store, deps.logger),
    validators: new RecordValidators(),
  };
}
