import { createServer, type Socket } from 'node:net';

/**
 * Runs `use` with the port of a TCP server that accepts connections and never answers (the
 * case a connect timeout exists for), then closes it and every connection it took.
 */
export async function withSilentServer(use: (port: number) => Promise<void>): Promise<void> {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    await use(port);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
}
