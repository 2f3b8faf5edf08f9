import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TextDecoder } from 'node:util';
import { InputFormatError } from '../../core/errors.ts';
import type { XmlElement } from './element.ts';
import { NameInterner } from './name-interner.ts';
import { SourceWindow } from './source-window.ts';

export interface XmlLimits {
  /** Deepest element nesting accepted anywhere in the file. */
  maxDepth: number;
  /** Largest record, in characters as written (markup included); a larger one is skipped and reported. */
  maxRecordChars: number;
  /** Most elements inside one record; a larger one is skipped and reported. */
  maxRecordElements: number;
}

export const defaultXmlLimits: XmlLimits = {
  maxDepth: 64,
  maxRecordChars: 4_000_000,
  maxRecordElements: 50_000,
};

export interface RecordStreamOptions {
  /** Local names of the elements that are one record each (`case-file`, `TradeMark`, `processo`). */
  recordElements: readonly string[];
  limits?: Partial<XmlLimits>;
}

export type XmlStreamEvent =
  | { kind: 'root'; name: string; attrs: Record<string, string> }
  | {
      kind: 'record';
      index: number;
      element: XmlElement;
      /** The record exactly as written in the file, from its `<` to its closing `>` (decoded text). */
      source: string;
    }
  | {
      kind: 'oversized';
      index: number;
      name: string;
      /** Why it was skipped, with the line its opening tag is on (to find it in the file). */
      reason: string;
      /** Line of the record's opening tag. */
      line: number;
      /**
       * The record as read until it was given up (its first children, complete; nothing after the
       * limit): adapters read the serial number from it when it came early enough.
       */
      partial: XmlElement | null;
    };

/** Shared by every element without attributes (most of them): one object less per element. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

/** Shared by every element without children (most of them) until its first child arrives. */
const NO_CHILDREN: XmlElement[] = [];

/**
 * False when the text neither starts nor ends with a character `trim` could remove (most element
 * texts): checking two characters is cheaper than `trim` on the parser's sliced strings. Anything
 * outside printable ASCII at either end goes to `trim`, which knows every Unicode space.
 */
function mayNeedTrim(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || first >= 127 || last <= 32 || last >= 127;
}

/** Reads the encoding from an XML declaration so Latin-1 gazettes decode correctly. */
function sniffEncoding(head: Buffer): string {
  const ascii = head.subarray(0, 200).toString('latin1');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  const match = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

/**
 * Streams an XML file and yields one small element tree per record element, never holding more
 * than the current record in memory. Hostile input is refused rather than expanded: DTD entity
 * declarations are an error, external entities are never fetched (saxes has no resolver), nesting
 * and record size are bounded. A file that ends inside an element is reported as truncated after
 * every complete record before the cut has been yielded, so the caller keeps them.
 */
export async function* streamXmlRecords(
  input: AsyncIterable<Buffer | string>,
  options: RecordStreamOptions,
): AsyncGenerator<XmlStreamEvent> {
  for await (const batch of streamXmlRecordBatches(input, options)) {
    for (const event of batch) yield event;
  }
}

/**
 * `streamXmlRecords` in batches: the events of each input chunk (64 KiB from a file stream, a few
 * dozen records) come as one array. Every `yield` of an async generator costs promise round trips,
 * so a hot loop (an adapter mapping thousands of records) reads batches and pays them once per chunk.
 */
export async function* streamXmlRecordBatches(
  input: AsyncIterable<Buffer | string>,
  options: RecordStreamOptions,
): AsyncGenerator<XmlStreamEvent[]> {
  const limits = { ...defaultXmlLimits, ...options.limits };
  const recordNames = new Set(options.recordElements);
  const parser = new SaxesParser({ position: true, xmlns: false });
  // Between records the window holds at most one record's worth of text, whatever the file holds.
  const source = new SourceWindow(limits.maxRecordChars);
  const names = new NameInterner();
  const pending: XmlStreamEvent[] = [];
  let failure: Error | null = null;

  let depth = 0;
  let rootSeen = false;
  let recordIndex = 0;
  let recordsCompleted = 0;
  // Open elements of the record being built (stack[0] is the record element itself).
  const stack: XmlElement[] = [];
  /** Stream offset of the `<` that opened the record being built. */
  let recordStart = 0;
  let recordElements = 0;
  /** Line of the opening tag of the record being built. */
  let recordLine = 0;
  let oversizedReason: string | null = null;
  let oversizedPartial: XmlElement | null = null;
  let oversizedDepth = 0;
  let recordsOpenedAtDepth = 0;

  const fail = (message: string, details: Record<string, unknown> = {}): void => {
    failure ??= new InputFormatError(message, { line: parser.line, column: parser.column, ...details });
  };

  /** Stops building the current record; its close is reported as an oversized skip. */
  const giveUpRecord = (reason: string): void => {
    oversizedReason = `${reason} (record ${recordIndex}, opening at line ${recordLine})`;
    oversizedPartial = stack[0] ?? null;
    oversizedDepth = recordsOpenedAtDepth;
    stack.length = 0;
  };
  const tooLong = (): boolean => parser.position - recordStart > limits.maxRecordChars;
  const tooLongReason = (): string =>
    `record is longer than the limit of ${limits.maxRecordChars} characters (xmlMaxRecordChars, MARKHOUND_XML_MAX_RECORD_CHARS)`;

  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      fail(
        `XML declares DTD entities at line ${parser.line}; Markhound never expands DTD entities (entity-expansion and external-entity attacks). Remove the internal DTD subset and retry.`,
      );
    }
  });

  // Attributes arrive one event each before their tag's `opentag`; gathering them here is cheaper
  // than walking saxes' attribute dictionary for every element, most of which have none.
  let tagAttributes: { name: string; value: string }[] = [];
  parser.on('attribute', (attribute) => {
    tagAttributes.push(attribute);
  });

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    const attributes = tagAttributes;
    if (attributes.length > 0) tagAttributes = [];
    handleOpenTag(tag, attributes);
  });

  const handleOpenTag = (
    tag: SaxesTagPlain,
    tagAttributes: readonly { name: string; value: string }[],
  ): void => {
    if (failure) return;
    if (depth > limits.maxDepth) {
      fail(
        `XML nesting deeper than ${limits.maxDepth} levels at <${tag.name}> (line ${parser.line}); refusing the file as hostile or malformed.`,
      );
      return;
    }
    const name = names.local(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      pending.push({ kind: 'root', name, attrs: { ...tag.attributes } });
    }
    if (oversizedReason) return;
    if (stack.length === 0) {
      if (!recordNames.has(name)) return;
      recordIndex += 1;
      recordElements = 0;
      recordsOpenedAtDepth = depth;
      recordLine = parser.line;
      recordStart = source.tagStart(parser.position);
      if (recordStart === -1) {
        recordStart = parser.position;
        giveUpRecord(`record's opening tag <${tag.name}> is too long to read`);
        return;
      }
    }
    recordElements += 1;
    if (recordElements > limits.maxRecordElements) {
      giveUpRecord(`record has more than ${limits.maxRecordElements} elements`);
      return;
    }
    // (Length is checked per input chunk in write() and when the record closes, not per element.)
    let attrs: Record<string, string> = NO_ATTRIBUTES;
    if (tagAttributes.length > 0) {
      attrs = {};
      for (const { name: key, value } of tagAttributes) attrs[names.local(key)] = value;
    }
    const element: XmlElement = { name, attrs, children: NO_CHILDREN, text: '' };
    if (stack.length > 0) {
      const parent = stack[stack.length - 1]!;
      if (parent.children === NO_CHILDREN) parent.children = [element];
      else parent.children.push(element);
    }
    stack.push(element);
  };

  const onText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (!top || oversizedReason || failure) return;
    top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag) => {
    if (failure) {
      depth -= 1;
      return;
    }
    if (oversizedReason && depth === oversizedDepth) {
      pending.push({
        kind: 'oversized',
        index: recordIndex,
        name: names.local(tag.name),
        reason: oversizedReason,
        line: recordLine,
        partial: oversizedPartial,
      });
      oversizedReason = null;
      oversizedPartial = null;
    } else if (stack.length > 0) {
      const done = stack.pop();
      // Trimmed once here rather than at each of the adapters' reads (offices pad and indent text).
      if (done && done.text !== '' && mayNeedTrim(done.text)) done.text = done.text.trim();
      if (stack.length === 0 && done) {
        if (tooLong()) {
          pending.push({
            kind: 'oversized',
            index: recordIndex,
            name: done.name,
            reason: `${tooLongReason()} (record ${recordIndex}, opening at line ${recordLine})`,
            line: recordLine,
            partial: done,
          });
        } else {
          recordsCompleted += 1;
          pending.push({
            kind: 'record',
            index: recordIndex,
            element: done,
            source: source.slice(recordStart, parser.position),
          });
        }
      }
    }
    depth -= 1;
  });

  parser.on('error', (err) => {
    fail(`XML is not well-formed: ${err.message}`);
  });

  /** Feeds decoded text to the parser, keeping only the chunks the open record spans. */
  const write = (text: string): void => {
    source.append(text);
    parser.write(text);
    if (stack.length > 0 && !oversizedReason && tooLong()) giveUpRecord(tooLongReason());
    if (stack.length > 0) source.dropBefore(recordStart);
    else source.keepFromLastTagOpen();
  };

  let decoder: TextDecoder | null = null;
  let bytesRead = 0;
  for await (const chunk of input) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
    } else {
      if (!decoder) {
        const encoding = sniffEncoding(chunk);
        try {
          decoder = new TextDecoder(encoding);
        } catch {
          throw new InputFormatError(
            `XML declares encoding "${encoding}", which this runtime cannot decode; convert the file to UTF-8.`,
          );
        }
      }
      bytesRead += chunk.length;
      text = decoder.decode(chunk, { stream: true });
    }
    write(text);
    if (pending.length > 0) yield pending.splice(0);
    if (failure) throw failure;
  }
  if (decoder) write(decoder.decode());
  if (!rootSeen) {
    fail(`file holds no XML element (${bytesRead} bytes read); it is empty or not XML.`);
  } else if (depth > 0) {
    fail(
      `XML file is truncated: it ends inside ${depth} open element(s) after ${recordsCompleted} complete record(s); those were kept. Download the file again.`,
      { recordsRead: recordsCompleted },
    );
  }
  if (!failure) parser.close();
  if (pending.length > 0) yield pending.splice(0);
  if (failure) throw failure;
}
