import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { withTimeout } from '../withTimeout';

/** Start-up gives up after this long, so a wrong REDIS_URL fails fast instead of hanging. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

export interface RedisConnections {
  /** Sends PUBLISH; events published while Redis is away are dropped, never resent. */
  publisher: Redis;
  /** In subscriber mode; re-subscribes its channels by itself after a reconnect. */
  subscriber: Redis;
}

/**
 * Opens the two connections a Redis event bus needs (a connection that subscribes can do
 * nothing else) and checks that Redis answers, or fails with a ConfigError naming REDIS_URL.
 * Errors of a connection later on are logged, never thrown: ioredis reconnects by itself.
 */
export async function connectRedis(
  url: string,
  logger?: Logger,
  timeoutMs = REDIS_CONNECT_TIMEOUT_MS,
): Promise<RedisConnections> {
  let lastError: unknown;
  let connected = false;
  const open = (role: string, options: RedisOptions) => {
    const client = new Redis(url, {
      ...options,
      // Names the connection in Redis's CLIENT LIST, for whoever operates it.
      connectionName: `tessera-events-${role}`,
      lazyConnect: true,
      connectTimeout: timeoutMs,
      // disconnect() keeps a timer this long even for a socket that is already gone.
      disconnectTimeout: 200,
    });
    client.on('error', (error: unknown) => {
      lastError = error;
      // Until connected, the error is the one start-up fails with.
      if (connected) logger?.warn({ err: error, role }, 'Redis event bus connection error');
    });
    return client;
  };
  // At most once: a PUBLISH is never queued for later, nor sent again after a reconnect.
  const publisher = open('publisher', {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
  });
  // SUBSCRIBE sent while Redis is away waits for the reconnect rather than being dropped.
  const subscriber = open('subscriber', { maxRetriesPerRequest: null });
  try {
    await withTimeout(
      Promise.all([publisher.connect(), subscriber.connect()]).then(() => publisher.ping()),
      timeoutMs,
    );
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw unreachable(url, lastError ?? error);
  }
  connected = true;
  return { publisher, subscriber };
}

function unreachable(url: string, cause: unknown): ConfigError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ConfigError(
    `REDIS_URL=${JSON.stringify(redacted(url))}: cannot use Redis for the event bus (${reason}). ` +
      'Start Redis, check REDIS_URL, or unset REDIS_URL to keep events within this server.',
  );
}

/** The URL without its password, fit for a message or a log. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
