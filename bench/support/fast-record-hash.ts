import { createHash } from 'node:crypto';
import type { XmlElement } from '../../registries/xml/index.ts';

/**
 * Prototype for registries/record-hash.ts (not wired in): writes the same canonical JSON string
 * that `JSON.stringify(canonical(element))` produces, straight into one string, without building
 * the nested arrays first or sorting attribute keys that are already alone. Same hash, so rows
 * stored by the current code stay "unchanged" on re-ingest.
 */
export function fastRecordHash(element: XmlElement): string {
  return createHash('sha256').update(canonicalJson(element)).digest('hex');
}

export function canonicalJson(node: XmlElement): string {
  let out = '[' + JSON.stringify(node.name) + ',[';
  const keys = Object.keys(node.attrs);
  if (keys.length > 1) keys.sort();
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    out += (i ? ',[' : '[') + JSON.stringify(key) + ',' + JSON.stringify(node.attrs[key]) + ']';
  }
  out += '],' + JSON.stringify(node.text.trim()) + ',[';
  const children = node.children;
  for (let i = 0; i < children.length; i += 1) out += (i ? ',' : '') + canonicalJson(children[i] as XmlElement);
  return out + ']]';
}
