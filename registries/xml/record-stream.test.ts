import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import { streamXmlRecords, type XmlStreamEvent } from './record-stream.ts';
import { NameInterner } from './name-interner.ts';

/** Feeds `xml` in pieces of `size` characters, as a file stream would in chunks. */
async function* pieces(xml: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
}

async function collect(xml: string, size: number, limits = {}): Promise<XmlStreamEvent[]> {
  const events: XmlStreamEvent[] = [];
  for await (const event of streamXmlRecords(pieces(xml, size), { recordElements: ['rec'], limits }))
    events.push(event);
  return events;
}

const records = (events: XmlStreamEvent[]) => events.flatMap((e) => (e.kind === 'record' ? [e] : []));

const RECORD_A =
  '<rec id="a>b" kind=\'x\'>\r\n  <name>Alpha</name>\r\n  <note><![CDATA[1 < 2]]></note>\r\n</rec>';
const RECORD_B = '<rec><name>Beta</name><empty/></rec>';
const RECORD_C = '<rec\n  id="c"><name>  Gamma  </name></rec>';
const DOCUMENT = `<?xml version="1.0"?>\n<file>\n  ${RECORD_A}\n  <other><rec-like/></other>\n  ${RECORD_B}${RECORD_C}\n</file>\n`;

describe('record stream: each record with its text as written', () => {
  it('hands out every record exactly as it stands in the file, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 7, 16, 64, 4096]) {
      const found = records(await collect(DOCUMENT, size));
      expect(
        found.map((r) => r.source),
        `chunk size ${size}`,
      ).toEqual([RECORD_A, RECORD_B, RECORD_C]);
      expect(found.map((r) => r.index)).toEqual([1, 2, 3]);
    }
  });

  it('builds the element tree with trimmed text, attributes by local name and separate child lists', async () => {
    const [a, b, c] = records(await collect(DOCUMENT, 5));
    expect(a!.element.attrs).toEqual({ id: 'a>b', kind: 'x' });
    expect(a!.element.children.map((e) => [e.name, e.text])).toEqual([
      ['name', 'Alpha'],
      ['note', '1 < 2'],
    ]);
    expect(b!.element.children.map((e) => e.name)).toEqual(['name', 'empty']);
    expect(b!.element.children[1]!.children).toEqual([]);
    expect(c!.element.children[0]!.text).toBe('Gamma');
    // Leaves share one empty child list until a child arrives: no child may ever leak into it.
    for (const leaf of [a!.element.children[0]!, a!.element.children[1]!, b!.element.children[0]!]) {
      expect(leaf.children).toEqual([]);
    }
  });

  it('skips and reports a record longer than the limit as written, and keeps the others', async () => {
    const long = `<rec><name>${'x'.repeat(500)}</name></rec>`;
    const xml = `<file>${RECORD_B}${long}${RECORD_C}</file>`;
    const events = await collect(xml, 64, { maxRecordChars: 200 });
    expect(records(events).map((r) => r.source)).toEqual([RECORD_B, RECORD_C]);
    const [skipped] = events.filter((e) => e.kind === 'oversized');
    expect(skipped).toMatchObject({ kind: 'oversized', index: 2, name: 'rec', line: 1 });
    expect(skipped?.kind === 'oversized' && skipped.reason).toBe(
      'record is longer than the limit of 200 characters (xmlMaxRecordChars, MARKHOUND_XML_MAX_RECORD_CHARS) (record 2, opening at line 1)',
    );
  });

  it('skips a record whose one text node is thousands of times the limit, says where it is and what it held first, and keeps the records around it', async () => {
    const huge = `<rec>\n<serial>90000002</serial>\n<goods>${'bags; shoes; '.repeat(200_000)}</goods></rec>`;
    const xml = `<file>\n${RECORD_B}\n${huge}\n${RECORD_C}</file>`;
    const events = await collect(xml, 16 * 1024, { maxRecordChars: 1_000 });
    expect(records(events).map((r) => r.source)).toEqual([RECORD_B, RECORD_C]);
    const skipped = events.filter((e) => e.kind === 'oversized');
    expect(skipped).toHaveLength(1);
    const [event] = skipped;
    if (event?.kind !== 'oversized') throw new Error('no oversized event');
    expect(event.index).toBe(2);
    expect(event.line).toBe(3);
    expect(event.reason).toMatch(/longer than the limit of 1000 characters .*record 2, opening at line 3/);
    // What came before the limit is handed over, so adapters can name the record by its serial.
    expect(event.partial?.children.map((c) => [c.name, c.text])).toEqual([
      ['serial', '90000002'],
      ['goods', ''],
    ]);
  });

  it('reports a truncated file after the complete records before the cut', async () => {
    const xml = `<file>${RECORD_B}${RECORD_C.slice(0, 20)}`;
    const events: XmlStreamEvent[] = [];
    const run = async () => {
      for await (const event of streamXmlRecords(pieces(xml, 8), { recordElements: ['rec'] }))
        events.push(event);
    };
    await expect(run()).rejects.toThrow(InputFormatError);
    expect(records(events).map((r) => r.source)).toEqual([RECORD_B]);
  });
});

describe('name interner', () => {
  it('returns equal names for equal input and keeps distinct names distinct, past its bound too', () => {
    const names = new NameInterner(3);
    const inputs = [
      'case-file',
      'case-filf',
      'serial-number',
      'case-file',
      'x',
      'brand-new-name',
      'serial-number',
    ];
    const out = inputs.map((name) => names.local(name.slice(0)));
    expect(out).toEqual(inputs);
    expect(
      ['ns2:MarkFeature', 'MarkFeature', 'ns2:MarkFeature', 'a:b:c'].map((name) => names.local(name)),
    ).toEqual(['MarkFeature', 'MarkFeature', 'MarkFeature', 'b:c']);
  });
});
