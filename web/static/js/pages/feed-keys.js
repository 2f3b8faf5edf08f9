import { isTyping } from '../dom.js';

const STATUS_KEYS = { r: 'reviewing', a: 'actioned', d: 'dismissed' };

/**
 * j/k move, x selects, r/a/d set the status of the selection (or of the current alert when nothing
 * is selected), Enter opens. Returns a function that removes the listener.
 */
export function bindFeedKeys({ list, selected, onStatus, onOpen }) {
  let current = -1;
  const rows = () => [...list.querySelectorAll('li')];
  const focusRow = (index, moveFocus = true) => {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    for (const [i, row] of all.entries()) row.classList.toggle('current', i === current);
    if (moveFocus) all[current].focus();
  };
  const currentRow = () => rows()[current] ?? null;
  // A row focused by mouse or Tab becomes the current one, so the keys act on what has focus. Focus
  // is left where it is: moving it would scroll the page under a pointer mid-click.
  const onFocus = (event) => {
    const index = rows().indexOf(event.target.closest('li'));
    if (index !== -1 && index !== current) focusRow(index, false);
  };
  list.addEventListener('focusin', onFocus);
  const handler = (event) => {
    if (
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isTyping(event) ||
      document.querySelector('dialog[open]')
    )
      return;
    const row = currentRow();
    if (event.key === 'j') focusRow(current + 1);
    else if (event.key === 'k') focusRow(current - 1);
    else if (event.key === 'x' && row) row.querySelector('input.select').click();
    else if (event.key in STATUS_KEYS) {
      const ids = selected.size > 0 ? [...selected] : row ? [row.dataset.id] : [];
      if (ids.length === 0) return;
      onStatus(ids, STATUS_KEYS[event.key]);
    } else if (event.key === 'Enter' && row && event.target === row) onOpen(row.dataset.id);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', handler);
  return () => {
    document.removeEventListener('keydown', handler);
    list.removeEventListener('focusin', onFocus);
  };
}
