import { flatMapEvents } from '../../services/realtime/flatMapEvents';
import type { Context } from '../Context';
import { clearLoaders } from '../loaders';

/**
 * A subscription's events, mapped, each executed with empty loaders: graphql-js runs every
 * event of one subscription with the same context, so without this a field read once (a
 * dataset, a policy) would be served from the first event's cache for as long as the
 * subscription lives.
 */
export function freshPerEvent<T, U = T>(
  context: Context,
  events: AsyncIterable<T>,
  map: (event: T) => U = (event) => event as unknown as U,
): AsyncIterable<U> {
  return flatMapEvents(events, (event) => {
    clearLoaders(context.loaders);
    return [map(event)];
  });
}
