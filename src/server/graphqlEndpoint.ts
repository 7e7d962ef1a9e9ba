import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { type RequestHandler, Router } from 'express';
import { GraphQLError } from 'graphql';
import { AppError } from '../domain/AppError';
import { buildGraphQLSchema } from '../graphql/buildGraphQLSchema';
import type { Context } from '../graphql/Context';
import { toClientError } from '../graphql/toClientError';
import type { ContextFactory } from './ContextFactory';
import { graphiqlPage } from './graphiqlPage';
import { httpErrorAnswer } from './httpErrorAnswer';
import { noStorePlugin } from './noStorePlugin';
import { readJsonBody } from './readJsonBody';
import { startSubscriptionServer } from './startSubscriptionServer';

/** The largest JSON body a GraphQL request may have (a 1000-record ingest fits well). */
const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface GraphQLEndpoint {
  /** Serves GET /graphql: GraphiQL to browsers, GraphQL over HTTP to everyone else. */
  router: Router;
  /**
   * GraphQL over HTTP on node:http directly, for every request to /graphql but a browser's GET
   * of GraphiQL: express, its router and body-parser took an eighth of a lookup's server time.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Drains HTTP and closes WebSockets. */
  stop(): Promise<void>;
}

/** GraphQL at /graphql over HTTP (Apollo) and graphql-ws, on the given HTTP server. */
export async function graphqlEndpoint(
  httpServer: Server,
  contexts: ContextFactory,
  logUnexpected: (error: unknown) => void,
): Promise<GraphQLEndpoint> {
  const schema = await buildGraphQLSchema();
  const subscriptions = startSubscriptionServer({ httpServer, schema, contexts, logUnexpected });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => toClientError(formatted, error, logUnexpected),
    includeStacktraceInErrorResponses: false,
    // GraphiQL is how people explore the API, and it reads the schema by introspection, which
    // Apollo would otherwise turn off under NODE_ENV=production (as the Docker image runs).
    introspection: true,
    // CSRF needs ambient credentials (cookies), which this API does not use; JSON-only POST
    // bodies already force a CORS preflight for mutations. Plain GET queries stay usable.
    csrfPrevention: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      { serverWillStart: () => Promise.resolve({ drainServer: () => subscriptions.dispose() }) },
    ],
  });
  await apollo.start();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      await answer(apollo, req, res, () => contextOf(contexts, req));
    } catch (error) {
      const { status, body, unexpected } = httpErrorAnswer(error);
      if (unexpected) logUnexpected(error);
      if (!res.headersSent) send(res, status, [['content-type', JSON_TYPE]], JSON.stringify(body));
      else res.destroy();
    }
  };
  const router = Router();
  router.get('/graphql', graphiqlForBrowsers, (req, res) => handle(req, res));
  return { router, handle, stop: () => apollo.stop() };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Whether `handle` takes a request straight from node:http: any method but GET and HEAD
 * (which may want GraphiQL, so express sees them) to `/graphql` or under it, in any case, as
 * express's router matches the path.
 */
export function handledDirectly(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const path = (req.url ?? '').split('?')[0]?.toLowerCase() ?? '';
  return path === '/graphql' || path.startsWith('/graphql/');
}

/** One request through Apollo: its body read here, its answer written whole or streamed. */
async function answer(
  apollo: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<Context>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: query === -1 ? '' : url.slice(query),
      body: req.method === 'POST' ? await readJsonBody(req, BODY_LIMIT_BYTES) : undefined,
    },
    context,
  });
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    send(res, status, response.headers, response.body.string);
    return;
  }
  res.writeHead(status, [...response.headers]);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function send(
  res: ServerResponse,
  status: number,
  headers: Iterable<[string, string]>,
  body: string,
): void {
  res.statusCode = status;
  for (const [key, value] of headers) res.setHeader(key, value);
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

async function contextOf(contexts: ContextFactory, req: IncomingMessage): Promise<Context> {
  try {
    return await contexts.forHeaders(req.headers);
  } catch (error) {
    throw asContextError(error);
  }
}

const graphiqlForBrowsers: RequestHandler = (req, res, next) => {
  const wantsPage = req.query['query'] === undefined && req.accepts(['json', 'html']) === 'html';
  if (!wantsPage) {
    next();
    return;
  }
  const { html, etag } = graphiqlPage();
  // With the ETag set, send() answers 304 to a browser that already holds this page.
  res.set('ETag', etag).type('html').send(html);
};

/** Context failures (an unknown sandbox) answer with their code and a 4xx status. */
function asContextError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const { status } = httpErrorAnswer(error);
  return new GraphQLError(error.message, {
    extensions: { code: error.code, field: error.field, http: { status } },
  });
}
