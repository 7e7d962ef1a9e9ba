import type { GraphQLClient } from './graphqlClient';
import { createEnabledDataset } from './setupDataset';

/**
 * The EXPERIENCE_EVENT schema the bench events fit (eventType, commerce.order.total; `_id`
 * and `timestamp` are implicit), enabled for profile so computed attributes may aggregate its
 * fields, and a profile- and identity-enabled dataset over it. Events name their profile in
 * `identityMap`. Returns the dataset id.
 */
export function setupEventDataset(client: GraphQLClient): Promise<string> {
  return createEnabledDataset(
    client,
    {
      name: 'Bench web events',
      class: 'EXPERIENCE_EVENT',
      fields: [
        { path: 'eventType', type: 'STRING', required: true },
        { path: 'commerce.order.total', type: 'NUMBER' },
      ],
    },
    'Bench web',
  );
}
