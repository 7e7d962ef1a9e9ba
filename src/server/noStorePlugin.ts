import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL answer, as Apollo's cache-control plugin set it:
 * the schema declares no cache hints, so that plugin always ended there, after wrapping every
 * field's resolver to compute a policy per field, per request. This keeps the header without
 * that cost (the plugin itself is disabled beside this one).
 */
export const noStorePlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    }),
};
