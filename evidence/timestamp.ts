import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { SsrfGuard } from '../crawler/http/index.ts';
import { pinnedLookup } from '../crawler/http/ssrf-guard.ts';
import {
  booleanValue,
  children,
  decodeOid,
  nullValue,
  objectIdentifier,
  octetString,
  readNode,
  sequence,
  unsignedInteger,
  type DerNode,
} from './der.ts';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** TimeStampReq (RFC 3161 §2.4.1): v1, SHA-256 message imprint, a random nonce, certReq true. */
export function buildTimeStampRequest(sha256: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const messageImprint = sequence(sequence(objectIdentifier(SHA256_OID), nullValue()), octetString(sha256));
  return sequence(
    unsignedInteger(Buffer.from([1])),
    messageImprint,
    unsignedInteger(nonce),
    booleanValue(true),
  );
}

export interface TimestampFacts {
  /** PKIStatus: 0 granted, 1 granted with modifications. */
  status: number;
  hashAlgorithm: string;
  /** Hex of the hashed message the authority signed. */
  messageImprint: string;
  genTime: string;
  serialNumber: string;
}

/**
 * Reads the facts of a TimeStampResp: status, then TSTInfo inside the token's SignedData
 * (ContentInfo → [0] SignedData → encapContentInfo → [0] OCTET STRING → TSTInfo). The signature is
 * left to `openssl ts -verify`; this is what an offline check of the hash needs.
 */
export function readTimestampResponse(der: Buffer): TimestampFacts {
  const response = children(readNode(der));
  const status = Number(firstChild(need(response[0], 'PKIStatusInfo')).content.readUIntBE(0, 1));
  if (status > 1) throw new Error(`the time-stamping authority refused the request (PKIStatus ${status})`);
  const token = children(need(response[1], 'timeStampToken'));
  const signedData = children(firstChild(need(token[1], 'SignedData wrapper')));
  const encap = children(need(signedData[2], 'encapContentInfo'));
  if (decodeOid(need(encap[0], 'eContentType')) !== TST_INFO_OID)
    throw new Error('the timestamp token does not hold a TSTInfo');
  const tstInfo = children(readNode(firstChild(need(encap[1], 'eContent')).content));
  const imprint = children(need(tstInfo[2], 'messageImprint'));
  return {
    status,
    hashAlgorithm: decodeOid(firstChild(need(imprint[0], 'hashAlgorithm'))),
    messageImprint: need(imprint[1], 'hashedMessage').content.toString('hex'),
    serialNumber: need(tstInfo[3], 'serialNumber').content.toString('hex'),
    genTime: need(tstInfo[4], 'genTime').content.toString('latin1'),
  };
}

function need(node: DerNode | undefined, what: string): DerNode {
  if (!node) throw new Error(`the timestamp response has no ${what}`);
  return node;
}
const firstChild = (node: DerNode): DerNode =>
  need(children(node)[0], `content of tag 0x${node.tag.toString(16)}`);

/**
 * POSTs a TimeStampReq to the authority through the SSRF guard (connection pinned to the approved
 * address, like HttpClient; HttpClient itself only GETs) and checks the reply covers our hash.
 */
export async function requestTimestamp(
  tsaUrl: string,
  sha256: Buffer,
  options: { guard: SsrfGuard; timeoutMs?: number },
): Promise<Buffer> {
  const target = await options.guard.check(tsaUrl);
  const body = buildTimeStampRequest(sha256);
  const transport = target.url.protocol === 'https:' ? https : http;
  const reply = await new Promise<Buffer>((resolve, reject) => {
    const request = transport.request(target.url, {
      method: 'POST',
      host: target.hostname,
      headers: {
        'content-type': 'application/timestamp-query',
        'content-length': String(body.length),
        accept: 'application/timestamp-reply',
      },
      lookup: pinnedLookup(target) as never,
      agent: false,
      timeout: options.timeoutMs ?? 30_000,
    });
    request.on('timeout', () =>
      request.destroy(new Error(`time-stamping authority ${target.url.host} did not answer in time`)),
    );
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES)
          response.destroy(new Error(`time-stamping authority reply is over ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200)
          reject(
            new Error(`time-stamping authority ${target.url.host} answered HTTP ${response.statusCode}`),
          );
        else resolve(Buffer.concat(chunks));
      });
    });
    request.end(body);
  });
  const facts = readTimestampResponse(reply);
  if (facts.messageImprint !== sha256.toString('hex'))
    throw new Error('the time-stamping authority stamped a different hash than the one sent');
  return reply;
}
