import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from '../client.ts';
import type { HttpClientOptions } from '../client-options.ts';

export interface LocalServer {
  origin: string;
  port: number;
  /** Paths requested, in order. */
  paths: string[];
  url(path: string): string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 and a free port, for tests only. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalServer> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    paths,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A client for local servers: loopback allowed, no robots, no politeness wait, sleeps recorded not slept. */
export function testClient(options: HttpClientOptions = {}): { client: HttpClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = new HttpClient({
    guard: { allowLoopback: true },
    respectRobots: false,
    minHostIntervalMs: 0,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sleeps };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
