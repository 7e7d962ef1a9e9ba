import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createTesseraServer } from './server/createTesseraServer';
import { filesDir } from './server/filesDir';
import { openStore } from './storage/openStore';
import { openEventBus } from './realtime/openEventBus';

/** Start-up: read config, open storage, start the server, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const store = await openStore(config, logger);
  const bus = await openEventBus(config, logger);
  const server = await createTesseraServer({
    store,
    bus,
    logger,
    filesDir: filesDir(config.TESSERA_DATA),
  });
  const port = await server.listen(config.PORT);
  logger.info(
    { port, data: config.TESSERA_DATA, startupMs: Date.now() - started },
    `Tessera ready: GraphQL and GraphiQL at http://localhost:${port}/graphql`,
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server
      .stop()
      .then(() => Promise.all([store.close(), bus.close()]))
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // Config errors are the user's to fix: say what is wrong, without a stack trace.
  const message = error instanceof ConfigError ? error.message : error;
  console.error('Tessera failed to start:', message);
  process.exit(1);
});
