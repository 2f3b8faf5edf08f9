import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import { oneByOne, type ParseContext } from '../adapter.ts';
import { streamXmlRecordBatches, textAt, type XmlElement, type XmlStreamEvent } from '../xml/index.ts';
import { mapSt66TradeMark } from './map-trademark.ts';

const ST96_NAMESPACE = /XMLSchema\/(ST96\/)?Trademark\b/;

/** True when a file head looks like an ST.66 transaction (ST.96 spells `Trademark`, not `TradeMark`). */
export function looksLikeSt66(head: string): boolean {
  return (
    /<([\w-]+:)?Transaction[\s>]/.test(head) && /TradeMarkTransactionBody|XMLSchema\/trademarks/.test(head)
  );
}

function assertSt66Root(event: Extract<XmlStreamEvent, { kind: 'root' }>, sourceName: string): void {
  const namespaces = Object.values(event.attrs).join(' ');
  if (event.name === 'Transaction' && !ST96_NAMESPACE.test(namespaces)) return;
  const hint =
    ST96_NAMESPACE.test(namespaces) || event.name === 'TrademarkTransaction'
      ? ' It looks like WIPO ST.96; use the wipo-st96 adapter.'
      : '';
  throw new InputFormatError(
    `${sourceName} is not a WIPO ST.66 file: its root element is <${event.name}>, expected <Transaction> in the ST.66 namespace.${hint}`,
    { rootElement: event.name },
  );
}

interface HeldRecord {
  index: number;
  element: XmlElement;
  /** The record as written; a detached ApplicantDetails block's text is appended to it. */
  source: string;
}

const mapHeld = (held: HeldRecord, defaultOffice: string): ParsedRecord =>
  mapSt66TradeMark(held.element, held.index, defaultOffice, held.source);

/**
 * Streams ST.66 records, in batches (the records of one chunk of the file). USPTO TSDR files put
 * `ApplicantDetails` beside `TradeMarkDetails` instead of inside the `TradeMark`; such a block is
 * attached to the TradeMark just before it. To allow that without buffering a whole file, only the
 * latest TradeMark that has no applicants of its own is held back, until the next record or the end
 * of the file.
 */
export async function* parseSt66Batches(
  input: AsyncIterable<Buffer | string>,
  context: ParseContext,
  defaultOffice: string,
): AsyncGenerator<ParsedRecord[]> {
  let held: HeldRecord | null = null;
  let tradeMarkIndex = 0;
  let out: ParsedRecord[] = [];
  const batches = streamXmlRecordBatches(input, {
    recordElements: ['TradeMark', 'ApplicantDetails'],
    limits: context.xmlLimits,
  });
  try {
    for await (const batch of batches) {
      for (const event of batch) {
        if (event.kind === 'root') {
          assertSt66Root(event, context.sourceName);
        } else if (event.kind === 'oversized') {
          if (event.name !== 'TradeMark') continue;
          if (held) out.push(mapHeld(held, defaultOffice));
          held = null;
          tradeMarkIndex += 1;
          const reason = `TradeMark record ${tradeMarkIndex} is too large to read (${event.reason}); skipped.`;
          // ApplicationNumber comes near the top of a TradeMark: usually read before it was given up.
          const serialNumber = textAt(event.partial ?? undefined, 'ApplicationNumber');
          out.push({ kind: 'skip', skip: { recordIndex: tradeMarkIndex, serialNumber, reason } });
        } else if (event.element.name === 'ApplicantDetails') {
          if (held) {
            const element = withChild(held.element, event.element);
            out.push(
              mapHeld({ index: held.index, element, source: held.source + event.source }, defaultOffice),
            );
          }
          held = null;
        } else {
          if (held) out.push(mapHeld(held, defaultOffice));
          tradeMarkIndex += 1;
          held = null;
          const own = event.element.children.some(isApplicantDetails);
          const record = { index: tradeMarkIndex, element: event.element, source: event.source };
          if (own) out.push(mapHeld(record, defaultOffice));
          else held = record;
        }
      }
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
  } catch (error) {
    // A truncated file still delivers every complete record before the cut.
    if (held) out.push(mapHeld(held, defaultOffice));
    held = null;
    if (out.length > 0) yield out;
    throw error;
  }
  if (held) out.push(mapHeld(held, defaultOffice));
  if (out.length > 0) yield out;
}

/** `parseSt66Batches` one record at a time (small inputs: a TSDR bundle's status file). */
export function parseSt66Stream(
  input: AsyncIterable<Buffer | string>,
  context: ParseContext,
  defaultOffice: string,
): AsyncGenerator<ParsedRecord> {
  return oneByOne(parseSt66Batches(input, context, defaultOffice));
}

const isApplicantDetails = (el: XmlElement): boolean => el.name === 'ApplicantDetails';

function withChild(element: XmlElement, extra: XmlElement): XmlElement {
  return { ...element, children: [...element.children, extra] };
}
