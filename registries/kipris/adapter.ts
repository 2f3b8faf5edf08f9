import { createReadStream } from 'node:fs';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { streamXmlRecords, textAt, type XmlElement } from '../xml/index.ts';
import { mapItem } from './map-item.ts';

/**
 * The response header is read as a record of its own so a refused request (bad key, quota,
 * bad parameter) fails loudly with the office's words instead of looking like zero hits.
 * Success is an empty resultCode (as in saved responses) or `00`/`0`.
 */
function checkHeader(header: XmlElement, sourceName: string): void {
  const code = textAt(header, 'resultCode');
  const successYN = textAt(header, 'successYN');
  if ((code === null || /^0+$/.test(code)) && successYN !== 'N') return;
  const message = textAt(header, 'resultMsg') ?? '(no resultMsg)';
  throw new InputFormatError(
    `${sourceName}: KIPRIS Plus refused the request: resultCode ${code ?? '(empty)'}, resultMsg "${message}". Check the access key and request parameters, then fetch again.`,
    { resultCode: code, resultMsg: message },
  );
}

async function* parseKipris(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const events = streamXmlRecords(createReadStream(path), {
    recordElements: ['header', 'TradeMarkInfo', 'item'],
    limits: context.xmlLimits,
  });
  // The header is read as a record; items are numbered without it so skips point at the right item.
  let headers = 0;
  for await (const event of events) {
    if (event.kind === 'root') {
      if (event.name !== 'response') {
        throw new InputFormatError(
          `${context.sourceName} is not a KIPRIS Plus API response: its root element is <${event.name}>, expected <response>. Pick the adapter for that format or check the download.`,
          { rootElement: event.name },
        );
      }
    } else if (event.kind === 'oversized') {
      yield {
        kind: 'skip',
        skip: { recordIndex: event.index - headers, serialNumber: null, reason: event.reason },
      };
    } else if (event.element.name === 'header') {
      headers += 1;
      checkHeader(event.element, context.sourceName);
    } else {
      yield safeMap(event.element, event.index - headers, event.source);
    }
  }
}

/** A mapping bug on one odd item is reported as that item's skip; the rest of the response lands. */
function safeMap(element: XmlElement, recordIndex: number, source: string): ParsedRecord {
  try {
    return mapItem(element, recordIndex, kiprisAdapter.defaultOffice, source);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      kind: 'skip',
      skip: { recordIndex, serialNumber: null, reason: `${element.name} could not be mapped: ${message}` },
    };
  }
}

export const kiprisAdapter: RegistryAdapter = {
  id: 'kipris',
  description: 'KIPRIS Plus (Korea) trademark API XML response',
  defaultOffice: 'KIPO',
  detect: (head) =>
    /<response[\s>]/.test(head) &&
    /<(TradeMarkInfo|TotalSearchCount)[\s>]|<applicationNumber>[\s\S]*<(bigDrawing|classificationCode)>/.test(
      head,
    ),
  parse: parseKipris,
};
