import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { pino } from 'pino';
import WebSocket from 'ws';
import { filesDir } from '../../src/server/filesDir';
import { createTesseraServer, type ServerDeps } from '../../src/server/createTesseraServer';
import type { Store } from '../../src/storage/ports';
import { IN_MEMORY, openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';
import { CreateSandboxDocument } from '../generated/graphql';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; issues?: { field: string; message: string }[] };
}

export interface Response<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLErrorBody[];
}

export interface RequestOptions {
  sandbox?: string;
}

export interface TestServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly store: Store;
  /** Where the server keeps its files (batch uploads, exports). */
  readonly files: string;
  request<R, V>(
    doc: TypedDocumentNode<R, V>,
    variables?: V,
    options?: RequestOptions,
  ): Promise<Response<R>>;
  /** Like request, but fails the test (showing the errors) unless the answer has data and no errors. */
  data<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, options?: RequestOptions): Promise<R>;
  /** A graphql-ws client; closed by stop(). */
  wsClient(connectionParams?: Record<string, unknown>): Client;
  /** Creates a sandbox of its own for one test (no shared data, no wiping); returns its name. */
  newSandbox(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

/** What a test may change about the server: its time, its audience sweeps, its exports' pace. */
export type TestServerOptions = Pick<ServerDeps, 'clock' | 'audienceSweepMs' | 'exportTuning'>;

/** The real server, on an ephemeral port, over a throwaway (or given) embedded store. */
export async function startTestServer(
  dataDir: string = IN_MEMORY,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const store = await openSqliteStore(dataDir);
  const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
  const files = filesDir(dataDir);
  const server = await createTesseraServer({ store, logger, filesDir: files, ...options });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const clients: Client[] = [];

  const request = async <R, V>(
    doc: TypedDocumentNode<R, V>,
    variables?: V,
    options: RequestOptions = {},
  ): Promise<Response<R>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.sandbox !== undefined) headers['x-sandbox-name'] = options.sandbox;
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(doc), variables }),
    });
    return { status: res.status, ...((await res.json()) as Omit<Response<R>, 'status'>) };
  };

  return {
    url,
    wsUrl: url.replace('http', 'ws'),
    store,
    files,
    request,
    async data(doc, variables, options) {
      const res = await request(doc, variables, options);
      if (res.errors !== undefined || res.data === undefined || res.data === null) {
        throw new Error(`expected data, got ${JSON.stringify(res)}`);
      }
      return res.data;
    },
    async newSandbox(prefix) {
      const name = uniqueName(prefix);
      const res = await request(CreateSandboxDocument, { name });
      if (res.errors !== undefined) throw new Error(`createSandbox: ${JSON.stringify(res.errors)}`);
      return name;
    },
    wsClient(connectionParams) {
      const client = createClient({
        url: url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(
        clients.map(async (c) => {
          await c.dispose();
        }),
      );
      await server.stop();
      await store.close();
    },
  };
}

let counter = 0;

/** A name no other test uses: each test works in its own sandbox instead of wiping data. */
export const uniqueName = (prefix: string): string =>
  `${prefix.slice(0, 12)}-${process.pid.toString(36)}${(counter++).toString(36)}-${Date.now().toString(36).slice(-4)}`;

/**
 * One real server for a test file: started before its tests, stopped after them. The returned
 * object forwards to it, so tests can hold it from the start.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startTestServer(IN_MEMORY, options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  const get = (): TestServer => {
    if (current === undefined) throw new Error('the test server starts in beforeAll');
    return current;
  };
  return {
    get url() {
      return get().url;
    },
    get wsUrl() {
      return get().wsUrl;
    },
    get store() {
      return get().store;
    },
    get files() {
      return get().files;
    },
    request: (doc, variables, options) => get().request(doc, variables, options),
    data: (doc, variables, options) => get().data(doc, variables, options),
    wsClient: (params) => get().wsClient(params),
    newSandbox: (prefix) => get().newSandbox(prefix),
    stop: () => get().stop(),
  };
}
