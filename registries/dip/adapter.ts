import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { markImageRef } from '../gazette/index.ts';
import { readJsonFile } from '../json-file.ts';
import { dipRecordSchema, mapDipRecord } from './map-record.ts';

function imageMime(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return null;
}

/**
 * One answer of the DIP Data Exchange trademark search (JSON, see map-record.ts for the expected
 * shape). A refusal (`status` other than success, or an `error`) fails the issue with the API's
 * words; the mark image (`Reproduction`, base64) is stored and logo-hashed.
 */
async function* parseDip(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const body = (await readJsonFile(path, context.sourceName, 'DIP Data Exchange')) as Record<string, unknown>;
  const status = typeof body?.status === 'string' ? body.status.toLowerCase() : null;
  if (
    !body ||
    typeof body !== 'object' ||
    (status !== null && status !== 'success' && status !== 'ok') ||
    !Array.isArray(body.data)
  ) {
    const message = [body?.message, body?.error].find((m) => typeof m === 'string');
    throw new InputFormatError(
      `${context.sourceName}: the DIP Data Exchange API did not answer with trademark data${message ? `: "${message as string}"` : ''}; check the token (DIP_API_TOKEN) and the request, then sync again`,
    );
  }
  for (const [i, raw] of (body.data as unknown[]).entries()) {
    const recordIndex = i + 1;
    const parsed = dipRecordSchema.safeParse(raw);
    if (!parsed.success) {
      yield {
        kind: 'skip',
        skip: {
          recordIndex,
          serialNumber: null,
          reason: `record ${recordIndex} does not have the expected shape: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        },
      };
      continue;
    }
    const filing = mapDipRecord(parsed.data, raw);
    if (!filing) {
      yield {
        kind: 'skip',
        skip: { recordIndex, serialNumber: null, reason: `record ${recordIndex} has no ApplicationNumber` },
      };
      continue;
    }
    if (parsed.data.Reproduction) {
      const bytes = Buffer.from(parsed.data.Reproduction, 'base64');
      const mime = imageMime(bytes);
      if (mime)
        filing.markImage = await markImageRef(
          bytes,
          mime,
          `${context.sourceName}#${filing.serialNumber}`,
          context,
        );
      else filing.extra.imageProblem = 'Reproduction is not a PNG, JPEG or GIF image';
    }
    yield { kind: 'filing', filing };
  }
}

export const dipAdapter: RegistryAdapter = {
  id: 'dip-api',
  description: 'DIP (Thailand) Data Exchange trademark search API answer (JSON)',
  defaultOffice: 'DIP',
  detect: (head) =>
    /^\s*\{/.test(head) && /"ApplicationNumber"/.test(head) && /"(data|GoodsServicesList)"/.test(head),
  parse: parseDip,
};
