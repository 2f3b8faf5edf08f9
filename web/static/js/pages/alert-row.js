import { h } from '../dom.js';
import { deadlineText, dateTime, percent } from '../format.js';

export const STATUSES = ['new', 'reviewing', 'actioned', 'dismissed'];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'];

export const severityBadge = (severity) => h('span', { class: `badge sev-${severity}` }, severity);

/** One alert in the feed: selectable, openable, and its status changeable without leaving the page. */
export function alertRow(alert, { brandName, onStatus, onSelect }) {
  const checkbox = h('input', {
    type: 'checkbox',
    class: 'select',
    'aria-label': `Select alert: ${alert.title}`,
    onchange: () => onSelect(alert.id, checkbox.checked),
  });
  const status = h(
    'select',
    {
      class: 'status-select',
      'aria-label': `Status of alert: ${alert.title}`,
      onchange: () => onStatus([alert.id], status.value),
    },
    STATUSES.map((s) => h('option', { value: s, selected: s === alert.status }, s)),
  );
  const filing = alert.filing ? `${alert.filing.office} ${alert.filing.serial_number}` : alert.subject_kind;
  return h(
    'li',
    { dataset: { id: alert.id }, tabindex: '-1' },
    checkbox,
    h(
      'div',
      {},
      h('a', { class: 'alert-title', href: `#/alerts/${alert.id}` }, alert.title),
      h(
        'div',
        { class: 'meta' },
        severityBadge(alert.severity),
        h('span', { class: 'badge status', dataset: { status: alert.status } }, alert.status),
        h('span', {}, `score ${percent(alert.score)}`),
        h('span', {}, filing),
        brandName ? h('span', {}, `brand ${brandName}`) : null,
        h('span', {}, `deadline ${deadlineText(alert.deadline)}`),
        h('span', {}, `raised ${dateTime(alert.created_at)}`),
      ),
    ),
    h('div', { class: 'actions' }, status),
  );
}
