import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordHash } from '../../registries/record-hash.ts';
import * as current from '../../registries/xml/element.ts';
import { streamXmlRecords, type XmlElement } from '../../registries/xml/index.ts';
import * as fast from './fast-element.ts';
import { fastRecordHash } from './fast-record-hash.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`../../tests/fixtures/registries/${path}`, import.meta.url));

async function recordsOf(path: string, recordElement: string): Promise<XmlElement[]> {
  const trees: XmlElement[] = [];
  for await (const event of streamXmlRecords(createReadStream(fixture(path)), { recordElements: [recordElement] })) {
    if (event.kind === 'record') trees.push(event.element);
  }
  return trees;
}

/** Every element of a tree with the paths of its children one and two levels down. */
function lookups(root: XmlElement): { el: XmlElement; path: string }[] {
  const found: { el: XmlElement; path: string }[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      found.push({ el, path: c.name }, { el, path: `${c.name}/missing` });
      for (const g of c.children) found.push({ el, path: `${c.name}/${g.name}` });
      walk(c);
    }
  };
  walk(root);
  return found;
}

// The prototypes are only worth adopting if a stored row's hash and every lookup stay the same.
describe('prototypes for registries/xml/element.ts and registries/record-hash.ts', () => {
  const samples = [
    ['uspto-daily/jlroo-sample-data.xml', 'case-file'],
    ['uspto-daily/uspto-daily-constructed.xml', 'case-file'],
    ['wipo-st66/uspto-tsdr-sn76044902-ST66.xml', 'TradeMark'],
    ['wipo-st66/euipo-style-constructed.xml', 'TradeMark'],
  ] as const;

  it.each(samples)('fastRecordHash gives the stored hash for every record of %s', async (path, recordElement) => {
    const trees = await recordsOf(path, recordElement);
    expect(trees.length).toBeGreaterThan(0);
    for (const tree of trees) expect(fastRecordHash(tree)).toBe(recordHash(tree));
  });

  it.each(samples)('fast at, allAt, textAt and child find what the current helpers find in %s', async (path, recordElement) => {
    for (const tree of await recordsOf(path, recordElement)) {
      for (const { el, path: p } of lookups(tree)) {
        expect(fast.at(el, p)).toBe(current.at(el, p));
        expect(fast.allAt(el, p)).toEqual(current.allAt(el, p));
        expect(fast.textAt(el, p)).toBe(current.textAt(el, p));
      }
      expect(fast.child(tree, 'no-such')).toBeUndefined();
      expect(fast.textAt(tree)).toBe(current.textAt(tree));
    }
  });

  it('writes attributes sorted by name, as the current canonical form does', () => {
    const tree: XmlElement = { name: 'a', attrs: { z: '1', b: '"2"' }, children: [{ name: 'c', attrs: {}, children: [], text: ' x ' }], text: '' };
    expect(fastRecordHash(tree)).toBe(recordHash(tree));
  });
});
