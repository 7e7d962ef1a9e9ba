import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { sleep } from './timing';

/** The fields each subscriber asks for: the least that names the change and its time. */
export const PROFILE_UPDATED = `subscription ProfileUpdated($identity: IdentityInput) {
  profileUpdated(identity: $identity) { kind identity { namespace id } at }
}`;

export interface ProfileUpdate {
  kind: string;
  identity: { namespace: string; id: string };
  /** When the server committed the change (ISO 8601, milliseconds). */
  at: string;
}

/** Called on each update with the subscriber's number and when it arrived (hrtime, ns). */
export type OnUpdate = (subscriber: number, update: ProfileUpdate, receivedNs: bigint) => void;

const ACK_TIMEOUT_MS = 10_000;
const CLOSE_WAIT_MS = 2_000;

/**
 * `profileUpdated` subscriptions in one sandbox, spread round-robin over `connections`
 * graphql-ws clients (one WebSocket each, opened with the first subscription). Errors and
 * unexpected closes are collected, not thrown: the stage decides what they mean. `close`
 * always ends every socket, terminating those that do not close in time.
 */
export class ProfileSubscribers {
  /** Subscription errors and unexpected closes, as text. */
  readonly errors: string[] = [];
  private readonly clients: Client[];
  private readonly sockets = new Set<WebSocket>();
  private closing = false;

  constructor(
    wsUrl: string,
    sandbox: string,
    connections: number,
    private readonly onUpdate: OnUpdate,
  ) {
    const sockets = this.sockets;
    // Remembers each socket, so close() can terminate one the client could not close.
    const TrackedWebSocket = class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        sockets.add(this);
      }
    };
    this.clients = Array.from({ length: connections }, () =>
      createClient({
        url: wsUrl,
        webSocketImpl: TrackedWebSocket,
        connectionParams: { 'x-sandbox-name': sandbox },
        connectionAckWaitTimeout: ACK_TIMEOUT_MS,
        retryAttempts: 0,
        on: {
          closed: (event) => {
            if (!this.closing) this.errors.push(`WebSocket closed: ${describeClose(event)}`);
          },
        },
      }),
    );
  }

  /** Subscriber `n` watches `identity`'s profile, over connection `n mod connections`. */
  subscribe(n: number, identity: { namespace: string; id: string }): void {
    const client = this.clients[n % this.clients.length]!;
    client.subscribe<{ profileUpdated: ProfileUpdate }>(
      { query: PROFILE_UPDATED, variables: { identity } },
      {
        next: (result) => {
          const receivedNs = process.hrtime.bigint();
          if (result.data?.profileUpdated !== undefined) {
            this.onUpdate(n, result.data.profileUpdated, receivedNs);
          } else if (result.errors !== undefined) {
            this.errors.push(`subscriber ${n}: ${JSON.stringify(result.errors)}`);
          }
        },
        error: (error) => {
          if (!this.closing) this.errors.push(`subscriber ${n}: ${describeClose(error)}`);
        },
        complete: () => undefined,
      },
    );
  }

  /** Disposes every client, then terminates the sockets still open after a short wait. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled(this.clients.map(async (client) => client.dispose()));
    const deadline = Date.now() + CLOSE_WAIT_MS;
    while (Date.now() < deadline && [...this.sockets].some(isOpen)) await sleep(50);
    for (const socket of this.sockets) if (isOpen(socket)) socket.terminate();
  }
}

const isOpen = (socket: WebSocket): boolean => socket.readyState !== WebSocket.CLOSED;

/** A close event or error as one line: graphql-ws hands over either. */
function describeClose(event: unknown): string {
  if (event instanceof Error) return event.message;
  if (typeof event === 'object' && event !== null && 'code' in event) {
    const { code, reason } = event as { code: unknown; reason?: unknown };
    const why = typeof reason === 'string' && reason !== '' ? ` (${reason})` : '';
    return `code ${String(code)}${why}`;
  }
  return JSON.stringify(event);
}
