import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { readJsonFile } from '../json-file.ts';
import { iposItemSchema, mapIposItem } from './map-item.ts';

/**
 * One response of the IPOS trademarks API on data.gov.sg (`?lodgement_date=YYYY-MM-DD`):
 * `{ lodgement_date, count, items: [...] }`. An item that does not fit is a reported skip.
 */
async function* parseIpos(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const body = (await readJsonFile(path, context.sourceName, 'IPOS trademarks API')) as {
    items?: unknown;
    count?: unknown;
  };
  if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
    const message = (body as { message?: unknown })?.message;
    throw new InputFormatError(
      `${context.sourceName} is not an IPOS trademarks API response (no "items" array)${typeof message === 'string' ? `: the API says "${message}"` : ''}`,
    );
  }
  for (const [i, raw] of body.items.entries()) {
    const parsed = iposItemSchema.safeParse(raw);
    const recordIndex = i + 1;
    if (!parsed.success) {
      yield {
        kind: 'skip',
        skip: {
          recordIndex,
          serialNumber: null,
          reason: `item ${recordIndex} does not have the API's shape: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        },
      };
      continue;
    }
    const filing = mapIposItem(parsed.data, raw);
    yield filing
      ? { kind: 'filing', filing }
      : {
          kind: 'skip',
          skip: { recordIndex, serialNumber: null, reason: `item ${recordIndex} has no applicationNum` },
        };
  }
}

export const iposAdapter: RegistryAdapter = {
  id: 'ipos-api',
  description: 'IPOS (Singapore) trademarks API on data.gov.sg, one lodgement date (JSON)',
  defaultOffice: 'IPOS',
  detect: (head) => /^\s*\{/.test(head) && /"lodgement_date"/.test(head) && /"items"/.test(head),
  parse: parseIpos,
};
