import { internalized } from './intern.ts';

/**
 * A small element tree for one record at a time. Adapters read records through these helpers
 * instead of walking raw SAX events, so each adapter is a plain mapping function.
 */
export interface XmlElement {
  /** Local name, namespace prefix removed (`ns2:MarkCurrentStatusDate` -> `MarkCurrentStatusDate`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (CDATA included), leading and trailing whitespace trimmed. */
  text: string;
}

// Adapters call these ~100 times per record with constant paths: split each path once (the cache
// is bounded in case a caller builds paths dynamically) and walk children with plain loops.
const splitPaths = new Map<string, readonly string[]>();
const MAX_CACHED_PATHS = 10_000;

function stepsOf(path: string): readonly string[] {
  let steps = splitPaths.get(path);
  if (!steps) {
    if (splitPaths.size >= MAX_CACHED_PATHS) splitPaths.clear();
    // Internalized like the element names they are compared with, so each comparison is a pointer check.
    steps = path.split('/').map(internalized);
    splitPaths.set(path, steps);
  }
  return steps;
}

/** First child with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/** All children with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (!el) return found;
  for (const c of el.children) if (c.name === name) found.push(c);
  return found;
}

function follow(el: XmlElement | undefined, steps: readonly string[], count: number): XmlElement | undefined {
  let current = el;
  for (let i = 0; i < count && current; i += 1) current = child(current, steps[i]!);
  return current;
}

/** Follows a path of local names separated by '/', taking the first match at each step. */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  const steps = stepsOf(path);
  return follow(el, steps, steps.length);
}

/** All elements at the end of a path (every match at the last step, first match before it). */
export function allAt(el: XmlElement | undefined, path: string): XmlElement[] {
  const steps = stepsOf(path);
  return childrenNamed(follow(el, steps, steps.length - 1), steps[steps.length - 1]!);
}

/** Trimmed text at a path; empty or whitespace-only text is null (offices pad fields with spaces). */
export function textAt(el: XmlElement | undefined, path?: string): string | null {
  const target = path ? at(el, path) : el;
  if (!target) return null;
  const value = target.text;
  return value === '' ? null : value;
}

/** All text below an element, in document order, whitespace collapsed. */
export function deepText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const parts: string[] = [];
  const walk = (node: XmlElement): void => {
    parts.push(node.text);
    for (const c of node.children) walk(c);
  };
  walk(el);
  const value = parts.join(' ').replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

/** Depth-first search for descendants with a local name (bounded by the record's size). */
export function findAll(el: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlElement): void => {
    for (const c of node.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  if (el) walk(el);
  return found;
}
