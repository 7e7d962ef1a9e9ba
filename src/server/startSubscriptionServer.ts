import type { Server } from 'node:http';
import { type GraphQLSchema, GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AppError } from '../domain/AppError';
import { toClientError } from '../graphql/toClientError';
import type { ContextFactory } from './ContextFactory';

interface SubscriptionServerDeps {
  httpServer: Server;
  schema: GraphQLSchema;
  contexts: ContextFactory;
  logUnexpected: (error: unknown) => void;
}

/** Close code for a connection naming an unknown sandbox (4000–4999 are the application's). */
export const UNKNOWN_SANDBOX_CLOSE_CODE = 4404;

/**
 * graphql-ws on the HTTP server's port and /graphql path. The sandbox is checked once when
 * the connection opens; each operation then gets a fresh context. An auth check belongs in
 * `onConnect` too, next to the sandbox check.
 */
export function startSubscriptionServer(deps: SubscriptionServerDeps): {
  dispose(): Promise<void>;
} {
  const { contexts, logUnexpected } = deps;
  const wsServer = new WebSocketServer({ server: deps.httpServer, path: '/graphql' });
  const server = useServer(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        try {
          await contexts.forConnection(ctx.connectionParams, ctx.extra.request.headers);
          return true;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const code =
            error.code === 'NOT_FOUND' ? UNKNOWN_SANDBOX_CLOSE_CODE : CloseCode.BadRequest;
          ctx.extra.socket.close(code, error.message.slice(0, 120));
          return false;
        }
      },
      context: (ctx) => contexts.forConnection(ctx.connectionParams, ctx.extra.request.headers),
      // Errors that end an operation: a request graphql-js refused, or an event stream that
      // failed (a subscriber too slow for its buffer). Mapped like any other error, so the
      // client sees the code; the Error message ends only that operation, not the connection.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => toClientError(e.toJSON(), e, logUnexpected)),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!('errors' in result) || result.errors === undefined) return undefined;
        const errors = result.errors.map((e) =>
          toClientError(e instanceof GraphQLError ? e.toJSON() : e, e, logUnexpected),
        );
        return { ...result, errors: errors as unknown as readonly GraphQLError[] };
      },
    },
    wsServer,
  );
  return { dispose: async () => server.dispose() };
}
