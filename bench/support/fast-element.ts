/**
 * Prototype for registries/xml/element.ts (not wired in): the same helpers with the same results,
 * minus the per-call work the profile shows. Mapping one USPTO case-file calls these ~100 times;
 * the current `at` splits its path string on every call and `allAt` splits, joins and lets `at`
 * split again. Here paths are split once and cached, and child lookups are plain loops.
 */
import type { XmlElement } from '../../registries/xml/index.ts';

const splitPaths = new Map<string, readonly string[]>();

function stepsOf(path: string): readonly string[] {
  let steps = splitPaths.get(path);
  if (!steps) {
    steps = path.split('/');
    splitPaths.set(path, steps);
  }
  return steps;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  const children = el.children;
  for (let i = 0; i < children.length; i += 1) {
    const c = children[i] as XmlElement;
    if (c.name === name) return c;
  }
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (!el) return found;
  for (const c of el.children) if (c.name === name) found.push(c);
  return found;
}

function follow(el: XmlElement | undefined, steps: readonly string[], count: number): XmlElement | undefined {
  let current = el;
  for (let i = 0; i < count && current; i += 1) current = child(current, steps[i] as string);
  return current;
}

export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  const steps = stepsOf(path);
  return follow(el, steps, steps.length);
}

export function allAt(el: XmlElement | undefined, path: string): XmlElement[] {
  const steps = stepsOf(path);
  const parent = follow(el, steps, steps.length - 1);
  return childrenNamed(parent, steps[steps.length - 1] as string);
}

export function textAt(el: XmlElement | undefined, path?: string): string | null {
  const target = path ? at(el, path) : el;
  if (!target) return null;
  const value = target.text.trim();
  return value === '' ? null : value;
}
