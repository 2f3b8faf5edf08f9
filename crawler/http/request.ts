import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { pinnedLookup, type ApprovedTarget } from './ssrf-guard.ts';
import { TimeoutError, toHttpError } from './errors.ts';

export interface SendOptions {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

/** A response whose body is still to be read. `finish()` must be called once the body is done. */
export interface OpenResponse {
  response: IncomingMessage;
  remoteAddress: string | undefined;
  finish(): void;
}

/**
 * One GET to an approved target over a fresh connection pinned to the approved addresses.
 * The total timeout keeps running while the caller reads the body: when it fires the body stream
 * fails with `TimeoutError`.
 */
export function sendGet(target: ApprovedTarget, options: SendOptions): Promise<OpenResponse> {
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let response: IncomingMessage | undefined;
    let remoteAddress: string | undefined;
    const request = transport.request(target.url, {
      method: 'GET',
      host: target.hostname,
      headers: options.headers,
      lookup: pinnedLookup(target) as never,
      agent: false, // a fresh socket per request: nothing is reused across guard decisions
    });
    const fail = (phase: 'connect' | 'total', ms: number) => () => {
      const error = new TimeoutError(target.url, phase, ms);
      if (response) response.destroy(error);
      else request.destroy(error);
    };
    const connectTimer = setTimeout(fail('connect', options.connectTimeoutMs), options.connectTimeoutMs);
    const totalTimer = setTimeout(fail('total', options.totalTimeoutMs), options.totalTimeoutMs);
    const finish = () => {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
    };
    request.on('socket', (socket) => {
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        remoteAddress = socket.remoteAddress;
      });
    });
    request.on('response', (incoming) => {
      response = incoming;
      clearTimeout(connectTimer);
      resolve({ response: incoming, remoteAddress: remoteAddress ?? incoming.socket?.remoteAddress, finish });
    });
    request.on('error', (error) => {
      finish();
      reject(toHttpError(target.url, error));
    });
    request.end();
  });
}
