/**
 * The little DER (ASN.1 distinguished encoding) RFC 3161 needs: build a TimeStampReq and walk a
 * TimeStampResp. Not a general ASN.1 library; tags and lengths only, no schema.
 */
export interface DerNode {
  tag: number;
  /** Bytes of the content (without tag and length). */
  content: Buffer;
  /** Whole encoding (tag, length, content). */
  raw: Buffer;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, content: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
export const octetString = (bytes: Buffer): Buffer => tlv(0x04, bytes);
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
export const booleanValue = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
export function unsignedInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function objectIdentifier(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const bytes = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let n = Math.floor(part / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** Reads one node at `offset`; throws on truncation so a damaged token is reported, not misread. */
export function readNode(buf: Buffer, offset = 0): DerNode & { end: number } {
  const tag = buf[offset];
  let lengthByte = buf[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error(`DER truncated at byte ${offset}`);
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new Error(`DER length form at byte ${offset} is not supported`);
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = buf[cursor++];
      if (lengthByte === undefined) throw new Error(`DER truncated at byte ${cursor}`);
      length = length * 256 + lengthByte;
    }
  }
  const end = cursor + length;
  if (end > buf.length)
    throw new Error(`DER element at byte ${offset} runs past the end (${end} > ${buf.length})`);
  return { tag, content: buf.subarray(cursor, end), raw: buf.subarray(offset, end), end };
}

/** The child nodes of a constructed node (SEQUENCE, SET, [n] EXPLICIT). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let offset = 0; offset < node.content.length;) {
    const child = readNode(node.content, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function decodeOid(node: DerNode): string {
  const bytes = [...node.content];
  const first = bytes.shift() ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
