import { createHash, randomUUID } from 'node:crypto';

/** One WARC record to write; the writer adds ids, dates, lengths and digests. */
export interface WarcRecordInput {
  type: 'warcinfo' | 'request' | 'response' | 'metadata';
  targetUri?: string;
  date: string;
  contentType: string;
  /** HTTP head (status or request line plus headers) for request/response records. */
  httpHead?: string;
  /** Payload: the HTTP body, or the whole block for warcinfo/metadata. */
  payload: Buffer;
  ipAddress?: string | null;
  /** Record-ID of the record this one belongs with (a response's request). */
  concurrentTo?: string;
  recordId?: string;
}

export interface WarcRecord {
  headers: Record<string, string>;
  block: Buffer;
  /** The body after the HTTP head (request/response), else the whole block. */
  payload: Buffer;
}

const CRLF = '\r\n';
export const sha256Label = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
export const newRecordId = (): string => `<urn:uuid:${randomUUID()}>`;

/** Serializes records as a WARC 1.1 file (uncompressed, so a reader needs no gzip member handling). */
export function buildWarc(records: WarcRecordInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const record of records) {
    const head = record.httpHead === undefined ? Buffer.alloc(0) : Buffer.from(record.httpHead, 'latin1');
    const block = Buffer.concat([head, record.payload]);
    const fields: [string, string | undefined][] = [
      ['WARC-Type', record.type],
      ['WARC-Record-ID', record.recordId ?? newRecordId()],
      ['WARC-Date', record.date],
      ['WARC-Target-URI', record.targetUri],
      ['WARC-IP-Address', record.ipAddress ?? undefined],
      ['WARC-Concurrent-To', record.concurrentTo],
      ['WARC-Block-Digest', sha256Label(block)],
      ['WARC-Payload-Digest', record.httpHead === undefined ? undefined : sha256Label(record.payload)],
      ['Content-Type', record.contentType],
      ['Content-Length', String(block.length)],
    ];
    const text = [
      'WARC/1.1',
      ...fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`),
    ].join(CRLF);
    parts.push(Buffer.from(text + CRLF + CRLF, 'utf8'), block, Buffer.from(CRLF + CRLF));
  }
  return Buffer.concat(parts);
}

/** Reads a WARC file back into records (used by tests and by anyone checking a pack by hand). */
export function parseWarc(file: Buffer): WarcRecord[] {
  const records: WarcRecord[] = [];
  let offset = 0;
  while (offset < file.length) {
    const headEnd = file.indexOf(CRLF + CRLF, offset);
    if (headEnd < 0) throw new Error(`WARC record at byte ${offset} has no end of header`);
    const lines = file.subarray(offset, headEnd).toString('utf8').split(CRLF);
    if (!lines[0]?.startsWith('WARC/'))
      throw new Error(`WARC record at byte ${offset} does not start with a WARC version line`);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['Content-Length']);
    if (!Number.isInteger(length))
      throw new Error(`WARC record at byte ${offset} has no valid Content-Length`);
    const blockStart = headEnd + 4;
    const block = file.subarray(blockStart, blockStart + length);
    const isHttp = (headers['Content-Type'] ?? '').startsWith('application/http');
    const httpEnd = isHttp ? block.indexOf(CRLF + CRLF) : -1;
    records.push({ headers, block, payload: httpEnd >= 0 ? block.subarray(httpEnd + 4) : block });
    offset = blockStart + length + 4;
  }
  return records;
}

/** HTTP/1.1 request head as it would appear on the wire. */
export function requestHead(method: string, url: string, headers: Record<string, string>): string {
  const u = new URL(url);
  const lines = [`${method} ${u.pathname}${u.search} HTTP/1.1`];
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) lines.push(`Host: ${u.host}`);
  for (const [name, value] of Object.entries(headers))
    if (!name.startsWith(':')) lines.push(`${name}: ${oneLine(value)}`);
  return lines.join(CRLF) + CRLF + CRLF;
}

/**
 * HTTP/1.1 response head for a body that was already decoded: Content-Encoding and the wire
 * Content-Length would no longer describe it, so they are replaced and the original kept aside.
 */
export function responseHead(
  status: number,
  statusText: string,
  headers: Record<string, string>,
  bodyLength: number,
): string {
  const lines = [`HTTP/1.1 ${status} ${statusText || 'OK'}`.trimEnd()];
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding' || name.startsWith(':')) continue;
    if (lower === 'content-encoding') lines.push(`X-Markhound-Original-Content-Encoding: ${oneLine(value)}`);
    else lines.push(`${name}: ${oneLine(value)}`);
  }
  lines.push(`Content-Length: ${bodyLength}`);
  return lines.join(CRLF) + CRLF + CRLF;
}

const oneLine = (value: string): string => value.replace(/\r?\n/g, ', ');

/** The warcinfo record every capture file starts with. */
export function warcinfo(date: string, fields: Record<string, string>): WarcRecordInput {
  const text =
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${oneLine(v)}`)
      .join(CRLF) + CRLF;
  return {
    type: 'warcinfo',
    date,
    contentType: 'application/warc-fields',
    payload: Buffer.from(text, 'utf8'),
  };
}
