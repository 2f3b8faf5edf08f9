import { createReadStream } from 'node:fs';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import { oneByOne, type ParseContext, type RegistryAdapter } from '../adapter.ts';
import { streamXmlRecordBatches, textAt, type XmlElement, type XmlStreamEvent } from '../xml/index.ts';
import { mapCaseFile } from './map-case-file.ts';

// Daily files and the annual backfile share the v2.0 structure under these two roots.
const roots = new Set(['trademark-applications-daily', 'trademark-applications-annual']);

/** The records of each chunk of the file as one batch: one async hop per chunk, not per record. */
async function* parseUsptoDailyBatches(path: string, context: ParseContext): AsyncGenerator<ParsedRecord[]> {
  const batches = streamXmlRecordBatches(createReadStream(path), {
    recordElements: ['case-file'],
    limits: context.xmlLimits,
  });
  for await (const batch of batches) {
    const records: ParsedRecord[] = [];
    for (const event of batch) {
      if (event.kind === 'root') assertUsptoRoot(event.name, context.sourceName);
      else records.push(recordOf(event));
    }
    if (records.length > 0) yield records;
  }
}

function assertUsptoRoot(rootName: string, sourceName: string): void {
  if (roots.has(rootName)) return;
  throw new InputFormatError(
    `${sourceName} is not a USPTO trademark daily XML file: its root element is <${rootName}>, expected <trademark-applications-daily>. Pick the adapter for that format or check the download.`,
    { rootElement: rootName },
  );
}

function recordOf(event: Exclude<XmlStreamEvent, { kind: 'root' }>): ParsedRecord {
  if (event.kind === 'oversized') {
    // serial-number is a case-file's first child, so it was read before the record was given up.
    const serialNumber = textAt(event.partial ?? undefined, 'serial-number');
    return { kind: 'skip', skip: { recordIndex: event.index, serialNumber, reason: event.reason } };
  }
  return safeMap(event.element, event.index, event.source);
}

/** A mapping bug on one odd record is reported as that record's skip; the rest of the file lands. */
function safeMap(caseFile: XmlElement, recordIndex: number, source: string): ParsedRecord {
  try {
    return mapCaseFile(caseFile, recordIndex, usptoDailyAdapter.defaultOffice, source);
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
  parse: (path, context) => oneByOne(parseUsptoDailyBatches(path, context)),
  parseBatches: parseUsptoDailyBatches,
};
