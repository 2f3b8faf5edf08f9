import { open } from 'node:fs/promises';
import { InputFormatError } from '../core/errors.ts';
import type { RegistryAdapter } from './adapter.ts';
import { inpiRpiAdapter } from './inpi-rpi/index.ts';
import { kiprisAdapter } from './kipris/index.ts';
import { usptoDailyAdapter } from './uspto-daily/index.ts';
import { usptoTsdrZipAdapter } from './uspto-tsdr-zip/index.ts';
import { wipoSt66Adapter } from './wipo-st66/index.ts';
import { wipoSt96Adapter } from './wipo-st96/index.ts';

/** Every office format Markhound reads. Order matters only for detection: most specific first. */
export const ADAPTERS: readonly RegistryAdapter[] = [
  usptoTsdrZipAdapter,
  usptoDailyAdapter,
  wipoSt66Adapter,
  wipoSt96Adapter,
  inpiRpiAdapter,
  kiprisAdapter,
];

export const formatIds = (): string[] => ADAPTERS.map((a) => a.id);

export function adapterById(id: string): RegistryAdapter {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (!adapter)
    throw new InputFormatError(`unknown format "${id}"; known formats: ${formatIds().join(', ')}`);
  return adapter;
}

const HEAD_BYTES = 8192;

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** What a file head looks like, for a message when no adapter claims it. */
function describeHead(head: string): string {
  if (head.length === 0) return 'an empty file';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive without the expected TSDR entries';
  if (/^\s*<!doctype html|^\s*<html/i.test(head)) return 'an HTML page';
  if (/^\s*[[{]/.test(head)) return 'JSON';
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    head.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''),
  );
  if (root?.[1]) return `XML with root element <${root[1]}>`;
  return 'not XML';
}

/** Picks the adapter for a file from its first bytes, or says what the file looks like instead. */
export async function detectFormat(path: string): Promise<RegistryAdapter> {
  const head = await readHead(path);
  const adapter = ADAPTERS.find((a) => a.detect(head));
  if (!adapter) {
    throw new InputFormatError(
      `${path} is ${describeHead(head)}, which is none of the office formats Markhound reads (${formatIds().join(', ')})`,
    );
  }
  return adapter;
}
