import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook receiver on 127.0.0.1 that records every request and, like a careful real receiver,
 * processes each Idempotency-Key once. `answer` decides the status; `down()`/`up()` close and reopen
 * the port (connection refused in between).
 */
export class Receiver {
  readonly requests: Received[] = [];
  /** Bodies processed, one per Idempotency-Key. */
  readonly processed = new Map<string, string>();
  answer: () => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.requests.push({ headers: req.headers, body });
        const { status, headers } = this.answer();
        const key = String(req.headers['idempotency-key']);
        if (status >= 200 && status < 300 && !this.processed.has(key)) this.processed.set(key, body);
        res.writeHead(status, headers).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
