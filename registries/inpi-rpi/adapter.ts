import { createReadStream } from 'node:fs';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { streamXmlRecords } from '../xml/index.ts';
import { inpiDate } from './dates.ts';
import { mapProcesso, type Gazette } from './map-processo.ts';

/**
 * The weekly gazette's root is `<revista numero="2893" data="16/06/2026">` (Seção V, Marcas). The
 * patent section names its date `dataPublicacao`, so both are read. A file whose root is a single
 * `<processo>` (an extract of one process) is accepted too, without gazette number or date.
 */
function gazetteOf(root: string, attrs: Record<string, string>, sourceName: string): Gazette {
  if (root === 'processo') return { number: null, date: null };
  if (root !== 'revista') {
    throw new InputFormatError(
      `${sourceName} is not an INPI RPI trademark gazette: its root element is <${root}>, expected <revista>. Pick the adapter for that format or check the download.`,
      { rootElement: root },
    );
  }
  return { number: attrs.numero?.trim() || null, date: inpiDate(attrs.data ?? attrs.dataPublicacao) };
}

async function* parseInpiRpi(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const events = streamXmlRecords(createReadStream(path), {
    recordElements: ['processo'],
    limits: context.xmlLimits,
  });
  let gazette: Gazette = { number: null, date: null };
  for await (const event of events) {
    if (event.kind === 'root') {
      gazette = gazetteOf(event.name, event.attrs, context.sourceName);
    } else if (event.kind === 'oversized') {
      yield { kind: 'skip', skip: { recordIndex: event.index, serialNumber: null, reason: event.reason } };
    } else {
      yield safeMap(
        () => mapProcesso(event.element, event.index, gazette, inpiRpiAdapter.defaultOffice, event.source),
        event.index,
      );
    }
  }
}

/** A mapping bug on one odd processo is reported as that record's skip; the rest of the gazette lands. */
function safeMap(map: () => ParsedRecord, recordIndex: number): ParsedRecord {
  try {
    return map();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: 'skip',
      skip: { recordIndex, serialNumber: null, reason: `processo could not be mapped: ${message}` },
    };
  }
}

export const inpiRpiAdapter: RegistryAdapter = {
  id: 'inpi-rpi',
  description: 'INPI Brazil RPI weekly gazette, Seção V Marcas (XML)',
  defaultOffice: 'INPI-BR',
  // Patent gazettes also use <revista>, but their records are <despacho> with <processo-patente>.
  detect: (head) => /<revista[\s>]/.test(head) && /<processo[\s>]/.test(head),
  parse: parseInpiRpi,
};
