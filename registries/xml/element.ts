/**
 * A small element tree for one record at a time. Adapters read records through these helpers
 * instead of walking raw SAX events, so each adapter is a plain mapping function.
 */
export interface XmlElement {
  /** Local name, namespace prefix removed (`ns2:MarkCurrentStatusDate` -> `MarkCurrentStatusDate`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (CDATA included), untrimmed. */
  text: string;
}

/** First child with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All children with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Follows a path of local names separated by '/', taking the first match at each step. */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = el;
  for (const step of path.split('/')) {
    if (!current) return undefined;
    current = child(current, step);
  }
  return current;
}

/** All elements at the end of a path (every match at the last step, first match before it). */
export function allAt(el: XmlElement | undefined, path: string): XmlElement[] {
  const steps = path.split('/');
  const last = steps.pop();
  if (last === undefined) return [];
  const parent = steps.length ? at(el, steps.join('/')) : el;
  return childrenNamed(parent, last);
}

/** Trimmed text at a path; empty or whitespace-only text is null (offices pad fields with spaces). */
export function textAt(el: XmlElement | undefined, path?: string): string | null {
  const target = path ? at(el, path) : el;
  if (!target) return null;
  const value = target.text.trim();
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
