import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from '../logger';
import type { EventBus } from '../realtime/EventBus';
import type { Clock } from '../services/Clock';
import { SandboxService } from '../services/SandboxService';
import type { ExportTuning } from '../services/exports/ExportRunner';
import type { Store } from '../storage/ports';
import { ContextFactory } from './ContextFactory';
import { createPlatform } from './createPlatform';
import { graphqlEndpoint, handledDirectly } from './graphqlEndpoint';
import { healthRoutes } from './healthRoutes';
import { httpErrorHandler } from './httpErrorHandler';
import { restRoutes } from './restRoutes';

export interface ServerDeps {
  store: Store;
  /** Where files live beside the store: batch uploads (`batches/`), exports (`exports/`). */
  filesDir: string;
  /** Where committed changes are announced; in-process unless given. */
  bus?: EventBus;
  logger: Logger;
  clock?: Clock;
  /** How often audiences' time-based exits are swept (SEMANTICS §5: at least every minute). */
  audienceSweepMs?: number;
  /** How exports run (page size, progress interval, when an unmoving job is abandoned). */
  exportTuning?: Partial<ExportTuning>;
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
  for (const { name } of await sandboxes.list()) {
    platform.repairs.schedule(name);
    // Finishes store status updates a restart interrupted.
    platform.summaries.schedule(name);
  }
  const contexts = new ContextFactory(platform, sandboxes);
  await platform.batches.resumeAll();
  await platform.jobs.resumeAll();
  await platform.audiences.start();
  await platform.exports.start();
  const logUnexpected = (err: unknown) => {
    deps.logger.error({ err }, 'unexpected error in a request');
  };

  const app = express();
  // GraphQL requests other than GETs (which may want GraphiQL) skip express: see `handle`.
  const httpServer = createServer((req, res) => {
    if (handledDirectly(req)) void graphql.handle(req, res);
    else app(req, res);
  });
  const graphql = await graphqlEndpoint(httpServer, contexts, logUnexpected);
  let stopping: Promise<void> | undefined;
  app.disable('x-powered-by');
  // An ETag would hash every response body, and the API's answers carry `Cache-Control:
  // no-store`; the GraphiQL page has an ETag of its own, computed once.
  app.disable('etag');
  app.use(healthRoutes(platform.store, () => stopping !== undefined));
  app.use(graphql.router);
  app.use(restRoutes(contexts));
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
    stop: () =>
      (stopping ??= graphql
        .stop()
        .then(() =>
          Promise.all([
            platform.batches.stop(),
            platform.jobs.stop(),
            platform.exports.stop(),
            platform.repairs.idle(),
          ]),
        )
        .then(() => platform.summaries.idle())
        .then(() => platform.audiences.stop())
        .then(() => undefined)),
  };
}
