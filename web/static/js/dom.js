/**
 * Builds elements. Children that are strings become text nodes, so server strings can never become
 * markup: nothing in this app parses an HTML string.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/** Replaces an element's content. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A definition list of facts; empty values are shown as a dash rather than hidden. */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.flatMap(([label, value]) => [
      h('dt', {}, label),
      h('dd', {}, value === null || value === undefined || value === '' ? '—' : value),
    ]),
  );
}

export const errorBox = (message) => h('p', { class: 'error', role: 'alert' }, message);
export const unavailable = (what) =>
  h('p', { class: 'unavailable' }, `${what} is not available on this server.`);

/** True when a key press is text input, so single-letter shortcuts must not fire. */
export const isTyping = (event) =>
  /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName) && event.target.type !== 'checkbox';
