/**
 * Finds JSON values embedded in inline scripts (`window.__INIT_DATA__ = {...}`, `"itemList":{...}`)
 * by scanning for the balanced end of the object or array, so the rest of the script is ignored.
 */
export function jsonAfter(text: string, marker: string | RegExp, from = 0): unknown {
  const at = findMarker(text, marker, from);
  if (at < 0) return undefined;
  const start = firstBracket(text, at);
  if (start < 0) return undefined;
  const end = balancedEnd(text, start);
  if (end < 0) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

function findMarker(text: string, marker: string | RegExp, from: number): number {
  if (typeof marker === 'string') {
    const index = text.indexOf(marker, from);
    return index < 0 ? -1 : index + marker.length;
  }
  const flags = marker.flags.includes('g') ? marker.flags : `${marker.flags}g`;
  const pattern = new RegExp(marker.source, flags);
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : -1;
}

function firstBracket(text: string, from: number): number {
  for (let i = from; i < text.length && i < from + 64; i += 1) {
    const char = text[i];
    if (char === '{' || char === '[') return i;
  }
  return -1;
}

/** Index of the bracket closing the one at `start`, skipping brackets inside strings. */
export function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
