import { createHash } from 'node:crypto';
import type { XmlElement } from './xml/element.ts';

/**
 * SHA-256 of a record's canonical form: the element tree as JSON `[name, [[attr, value]...], text,
 * [children...]]` with attributes sorted and text trimmed. Two publications of the same record hash
 * alike whatever the file's whitespace, so an unchanged re-published filing is not reported as an
 * update. The JSON is written straight into one string (no intermediate arrays): this runs once per
 * record and showed up as the largest cost in the parse profile.
 */
export function recordHash(element: XmlElement | unknown): string {
  const payload = isElement(element) ? canonicalJson(element) : JSON.stringify(element);
  return createHash('sha256').update(payload).digest('hex');
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && 'children' in value && 'attrs' in value && 'name' in value;
}

function canonicalJson(node: XmlElement): string {
  let out = '[' + JSON.stringify(node.name) + ',[';
  const keys = Object.keys(node.attrs);
  if (keys.length > 1) keys.sort();
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    out += (i ? ',[' : '[') + JSON.stringify(key) + ',' + JSON.stringify(node.attrs[key]) + ']';
  }
  out += '],' + JSON.stringify(node.text.trim()) + ',[';
  const children = node.children;
  for (let i = 0; i < children.length; i += 1) out += (i ? ',' : '') + canonicalJson(children[i]!);
  return out + ']]';
}
