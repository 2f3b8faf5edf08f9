import { createReadStream } from 'node:fs';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { streamXmlRecords } from '../xml/index.ts';
import { mapCaseFile } from './map-case-file.ts';

// Daily files and the annual backfile share the v2.0 structure under these two roots.
const roots = new Set(['trademark-applications-daily', 'trademark-applications-annual']);

async function* parseUsptoDaily(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const events = streamXmlRecords(createReadStream(path), {
    recordElements: ['case-file'],
    limits: context.xmlLimits,
  });
  for await (const event of events) {
    if (event.kind === 'root') {
      if (!roots.has(event.name)) {
        throw new InputFormatError(
          `${context.sourceName} is not a USPTO trademark daily XML file: its root element is <${event.name}>, expected <trademark-applications-daily>. Pick the adapter for that format or check the download.`,
          { rootElement: event.name },
        );
      }
    } else if (event.kind === 'oversized') {
      yield { kind: 'skip', skip: { recordIndex: event.index, serialNumber: null, reason: event.reason } };
    } else {
      yield safeMap(
        () => mapCaseFile(event.element, event.index, usptoDailyAdapter.defaultOffice),
        event.index,
      );
    }
  }
}

/** A mapping bug on one odd record is reported as that record's skip; the rest of the file lands. */
function safeMap(map: () => ParsedRecord, recordIndex: number): ParsedRecord {
  try {
    return map();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: 'skip',
      skip: { recordIndex, serialNumber: null, reason: `case-file could not be mapped: ${message}` },
    };
  }
}

export const usptoDailyAdapter: RegistryAdapter = {
  id: 'uspto-daily',
  description: 'USPTO trademark daily applications XML (trademark-applications-daily, version 2.0)',
  defaultOffice: 'USPTO',
  detect: (head) => /<trademark-applications-(daily|annual)[\s>]/.test(head),
  parse: parseUsptoDaily,
};
