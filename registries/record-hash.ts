import { createHash } from 'node:crypto';
import type { XmlElement } from './xml/element.ts';

/**
 * SHA-256 of a record's canonical form (its element tree as JSON). Two publications of the same
 * record hash alike whatever the file's whitespace, so an unchanged re-published filing is not
 * reported as an update.
 */
export function recordHash(element: XmlElement | unknown): string {
  const canonical = (node: XmlElement): unknown => [
    node.name,
    Object.keys(node.attrs)
      .sort()
      .map((k) => [k, node.attrs[k]]),
    node.text.trim(),
    node.children.map(canonical),
  ];
  const isElement = (v: unknown): v is XmlElement =>
    typeof v === 'object' && v !== null && 'children' in v && 'attrs' in v && 'name' in v;
  const payload = isElement(element) ? canonical(element) : element;
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}
