import type { Logger } from '../logger';
import type { EventBus } from './EventBus';
import { InProcessEventBus } from './InProcessEventBus';
import { RedisEventBus } from './RedisEventBus';

/**
 * The bus the configuration asks for: Redis when REDIS_URL is set (several replicas share
 * events), else in this process. Fails fast, naming REDIS_URL, when Redis does not answer.
 */
export async function openEventBus(
  config: { REDIS_URL?: string | undefined },
  logger?: Logger,
): Promise<EventBus> {
  if (config.REDIS_URL === undefined) return new InProcessEventBus();
  const bus = await RedisEventBus.connect(config.REDIS_URL, { logger });
  logger?.info('event bus on Redis');
  return bus;
}
