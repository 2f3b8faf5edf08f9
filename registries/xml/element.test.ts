import { describe, expect, it } from 'vitest';
import { ChildIndex, at, textAt, type XmlElement } from './element.ts';

const leaf = (name: string, text: string): XmlElement => ({ name, attrs: {}, children: [], text });

describe('ChildIndex', () => {
  const trademark: XmlElement = {
    name: 'TradeMark',
    attrs: {},
    text: '',
    children: [leaf('ApplicationNumber', '018000001'), leaf('KindMark', ''), leaf('Note', 'first'), leaf('Note', 'second')],
  };
  const index = new ChildIndex(trademark);

  it('reads what textAt and at read: the first child of a name, blank text as null', () => {
    for (const name of ['ApplicationNumber', 'KindMark', 'Note', 'Missing']) {
      expect(index.text(name), name).toBe(textAt(trademark, name));
      expect(index.first(name), name).toBe(at(trademark, name));
    }
  });

  it('keeps every child of a name in document order', () => {
    expect(index.all('Note').map((c) => c.text)).toEqual(['first', 'second']);
    expect(index.all('Missing')).toEqual([]);
    expect(new ChildIndex(undefined).text('Note')).toBeNull();
  });
});
