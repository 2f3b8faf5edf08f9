import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext } from '../adapter.ts';
import { streamXmlRecords, textAt, type XmlStreamEvent } from '../xml/index.ts';
import { mapSt96Trademark, type St96Version } from './map-trademark.ts';

// v2.x and later: .../XMLSchema/ST96/Trademark; the 1.0 draft: .../XMLSchema/Trademark/1.
const ST96_NAMESPACE = /XMLSchema\/(ST96\/)?Trademark\b/;

/** True when a file head is ST.96 (ST.66 spells `TradeMark`, so the case tells them apart). */
export function looksLikeSt96(head: string): boolean {
  return /<([\w-]+:)?Trademark(Transaction|TransactionBody)[\s>]/.test(head);
}

function st96VersionOf(event: Extract<XmlStreamEvent, { kind: 'root' }>, sourceName: string): St96Version {
  const namespaces = Object.values(event.attrs).join(' ');
  if (event.name === 'TrademarkTransaction') return 'st96';
  if (event.name === 'Transaction' && ST96_NAMESPACE.test(namespaces)) return '1.0-draft';
  const hint = event.name === 'Transaction' ? ' It looks like WIPO ST.66; use the wipo-st66 adapter.' : '';
  throw new InputFormatError(
    `${sourceName} is not a WIPO ST.96 file: its root element is <${event.name}>, expected <TrademarkTransaction> (or <Transaction> in the ST.96 1.0 draft namespace).${hint}`,
    { rootElement: event.name },
  );
}

/** Streams the `Trademark` records of an ST.96 file, one Filing or reported skip each. */
export async function* parseSt96Stream(
  input: AsyncIterable<Buffer | string>,
  context: ParseContext,
  defaultOffice: string,
): AsyncGenerator<ParsedRecord> {
  let version: St96Version = 'st96';
  for await (const event of streamXmlRecords(input, {
    recordElements: ['Trademark'],
    limits: context.xmlLimits,
  })) {
    if (event.kind === 'root') {
      version = st96VersionOf(event, context.sourceName);
    } else if (event.kind === 'oversized') {
      const reason = `Trademark record ${event.index} is too large to read (${event.reason}); skipped.`;
      const partial = event.partial ?? undefined;
      const serialNumber =
        textAt(partial, 'ApplicationNumber/ApplicationNumberText') ?? textAt(partial, 'ApplicationNumber');
      yield { kind: 'skip', skip: { recordIndex: event.index, serialNumber, reason } };
    } else {
      yield mapSt96Trademark(event.element, event.index, version, defaultOffice, event.source);
    }
  }
}
