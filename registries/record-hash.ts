import { hash } from 'node:crypto';
import type { XmlElement } from './xml/element.ts';

/**
 * SHA-256 of a record's canonical form: the element tree as JSON `[name, [[attr, value]...], text,
 * [children...]]` with attributes sorted and text trimmed. Two publications of the same record hash
 * alike whatever the file's whitespace, so an unchanged re-published filing is not reported as an
 * update. The JSON is written straight into one string (no intermediate arrays) and hashed in one
 * call (`crypto.hash`, no Hash object per record): this runs once per record and showed up as the
 * largest cost in the parse profile.
 */
export function recordHash(element: XmlElement | unknown): string {
  const payload = isElement(element) ? canonicalJson(element) : JSON.stringify(element);
  return hash('sha256', payload, 'hex');
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && 'children' in value && 'attrs' in value && 'name' in value;
}

// Characters JSON.stringify escapes in a string: quote, backslash, controls, and (when unpaired)
// surrogates. A string without any of them is quoted as is, which gives JSON.stringify's exact
// output at a third of the cost; anything else still goes through JSON.stringify.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

function quoted(value: string): string {
  return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

/** Container elements hold only indentation: their trimmed text is empty, which needs no quoting call. */
function quotedText(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '""' : quoted(trimmed);
}

function canonicalJson(node: XmlElement): string {
  let out = '[' + quoted(node.name) + ',[';
  const keys = Object.keys(node.attrs);
  if (keys.length > 1) keys.sort();
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    out += (i ? ',[' : '[') + quoted(key) + ',' + quoted(node.attrs[key]!) + ']';
  }
  out += '],' + quotedText(node.text) + ',[';
  const children = node.children;
  for (let i = 0; i < children.length; i += 1) out += (i ? ',' : '') + canonicalJson(children[i]!);
  return out + ']]';
}
