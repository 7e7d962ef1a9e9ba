import type { Socket } from 'node:net';
import { print } from 'graphql';
import { pino } from 'pino';
import WebSocket from 'ws';
import type { CatalogChange } from '../../src/domain/catalog/CatalogChange';
import { InProcessEventBus } from '../../src/realtime/InProcessEventBus';
import { filesDir } from '../../src/server/filesDir';
import { createTesseraServer, type TesseraServer } from '../../src/server/createTesseraServer';
import type { Store } from '../../src/storage/ports';
import { IN_MEMORY, openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';
import { CatalogChangedDocument } from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';

/** Small, so that a client who stops reading overflows it quickly. */
const BUFFER_SIZE = 5;

interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

let store: Store;
let server: TesseraServer;
let bus: InProcessEventBus;
let wsUrl: string;

beforeAll(async () => {
  store = await openSqliteStore(IN_MEMORY);
  bus = new InProcessEventBus({ bufferSize: BUFFER_SIZE });
  const logger = pino({ level: 'silent' });
  server = await createTesseraServer({
    store,
    logger,
    filesDir: filesDir(IN_MEMORY),
    bus,
  });
  const port = await server.listen(0, '127.0.0.1');
  wsUrl = `ws://127.0.0.1:${port}/graphql`;
});

afterAll(async () => {
  await server.stop();
  await bus.close();
  await store.close();
});

describe('a subscriber that stops reading', () => {
  it('loses that subscription with SUBSCRIBER_TOO_SLOW, and keeps its connection', async () => {
    const sandbox = 'prod';
    const client = await connect(sandbox);
    const subscriptions = () => bus.subscriberCount(sandbox, 'catalogChanged');
    client.send({
      id: 'slow',
      type: 'subscribe',
      payload: { query: print(CatalogChangedDocument) },
    });
    client.send({
      id: 'schemas',
      type: 'subscribe',
      payload: { query: print(CatalogChangedDocument), variables: { kind: 'SCHEMA' } },
    });
    await pollUntil(
      () => Promise.resolve(subscriptions()),
      (n) => n === 2,
      (n) => `${n} subscriptions`,
    );

    client.socket.pause();
    // Large events fill the socket's buffers, then the subscription's; the server keeps going.
    for (let i = 0; i < 1000 && subscriptions() === 2; i++) {
      bus.publish(sandbox, 'catalogChanged', change('DATASET', `d${i}`, 'x'.repeat(256 * 1024)));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(subscriptions()).toBe(1);
    client.socket.resume();

    const error = await client.until((m) => m.id === 'slow' && m.type !== 'next');
    expect(error).toMatchObject({
      type: 'error',
      payload: [{ extensions: { code: 'SUBSCRIBER_TOO_SLOW' } }],
    });
    expect((error.payload as { message: string }[])[0]?.message).toMatch(/subscribe again/);

    bus.publish(sandbox, 'catalogChanged', change('SCHEMA', 'still-here', 'still here'));
    const next = await client.until((m) => m.id === 'schemas');
    expect(next).toMatchObject({
      type: 'next',
      payload: { data: { catalogChanged: { id: 'still-here' } } },
    });
    expect(client.received.filter((m) => m.id === 'slow' && m.type === 'complete')).toEqual([]);
    client.close();
  });
});

const change = (kind: CatalogChange['kind'], id: string, name: string): CatalogChange => ({
  kind,
  action: 'CREATED',
  id,
  name,
  at: new Date(),
});

/** A bare graphql-ws client whose socket the test can stop reading. */
async function connect(sandbox: string) {
  const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
  const received: Message[] = [];
  ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as Message));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const send = (message: Message) => {
    ws.send(JSON.stringify(message));
  };
  const until = (predicate: (m: Message) => boolean) =>
    pollUntil(
      () => Promise.resolve(received.find(predicate)),
      (m) => m !== undefined,
      () =>
        `no such message among ${received.length}: ${JSON.stringify(received.slice(-3)).slice(0, 500)}`,
      { timeoutMs: 10_000 },
    ) as Promise<Message>;
  send({ type: 'connection_init', payload: { 'x-sandbox-name': sandbox } });
  await until((m) => m.type === 'connection_ack');
  return {
    socket: (ws as unknown as { _socket: Socket })._socket,
    received,
    send,
    until,
    close: () => {
      ws.close();
    },
  };
}
