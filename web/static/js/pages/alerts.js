import { get, query } from '../api.js';
import { errorBox, h, show } from '../dom.js';
import { daysLeft } from '../format.js';
import { currentKey } from '../session.js';
import { followEvents } from '../sse.js';
import { SEVERITIES, STATUSES, alertRow } from './alert-row.js';
import { bindFeedKeys } from './feed-keys.js';
import { applyStatus } from './triage.js';

const PAGE_SIZE = 50;

/** The alerts feed: server-side filters and cursor pages, live arrivals, keyboard and bulk triage. */
export async function renderAlerts(main, { live }) {
  const brands = (await get('/v1/brands')).data;
  const brandNames = new Map(brands.map((b) => [b.id, b.name]));
  const selected = new Set();
  const state = { cursor: null, filters: {} };

  const list = h('ol', { class: 'feed', id: 'feed', 'aria-label': 'Alerts, newest first' });
  const message = h('div');
  const more = h(
    'button',
    { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) },
    'Load more',
  );
  const liveState = h('span', { id: 'live-state', class: 'muted' }, 'Live updates: connecting…');
  const selectionInfo = h('span', { class: 'muted', id: 'selection-info' }, 'No alert selected');
  const filters = filterForm(brands, (values) => {
    state.filters = values;
    load(true);
  });

  const setStatus = async (ids, status) => {
    show(message, h('p', { class: 'muted' }, `Setting ${ids.length} alert(s) to ${status}…`));
    const { done, failed } = await applyStatus(ids, status, (alert) => replaceRow(alert));
    show(
      message,
      failed.length
        ? errorBox(`${done} updated; ${failed.length} failed: ${failed[0]}`)
        : h('p', { class: 'notice', role: 'status' }, `${done} alert(s) set to ${status}.`),
    );
    live.textContent = `${done} alert(s) set to ${status}.`;
  };
  const onSelect = (id, on) => {
    if (on) selected.add(id);
    else selected.delete(id);
    selectionInfo.textContent = selected.size ? `${selected.size} selected` : 'No alert selected';
  };
  const rowFor = (alert) =>
    alertRow(alert, { brandName: brandNames.get(alert.brand_id), onStatus: setStatus, onSelect });
  const replaceRow = (alert) => {
    const old = list.querySelector(`li[data-id="${alert.id}"]`);
    if (!old) return;
    const row = rowFor(alert);
    row.querySelector('input.select').checked = selected.has(alert.id);
    row.className = old.className;
    old.replaceWith(row);
  };

  async function load(first) {
    if (first) {
      state.cursor = null;
      selected.clear();
      onSelect(null, false);
      list.replaceChildren();
    }
    try {
      const { source, severity, status, brand_id, within_days } = state.filters;
      const page = await get(
        `/v1/alerts${query({ brand_id, source, severity, status, cursor: state.cursor, limit: PAGE_SIZE })}`,
      );
      const shown = page.data.filter((a) => withinDays(a, within_days));
      list.append(...shown.map(rowFor));
      state.cursor = page.next_cursor;
      more.hidden = !page.next_cursor;
      show(
        message,
        list.children.length === 0 ? h('p', { class: 'notice' }, 'No alerts match these filters.') : null,
      );
    } catch (error) {
      show(message, errorBox(error.message));
    }
  }

  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': 'Triage the selected alerts' },
    selectionInfo,
    ...['reviewing', 'actioned', 'dismissed'].map((s) =>
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => selected.size && setStatus([...selected], s) },
        `Mark selected ${s}`,
      ),
    ),
    liveState,
  );
  show(main, h('h1', {}, 'Alerts'), filters, toolbar, message, list, h('p', {}, more));
  await load(true);

  const unbindKeys = bindFeedKeys({
    list,
    selected,
    onStatus: setStatus,
    onOpen: (id) => (window.location.hash = `#/alerts/${id}`),
  });
  const stream = new AbortController();
  followEvents({
    key: currentKey(),
    signal: stream.signal,
    onState: (s) =>
      (liveState.textContent =
        s === 'live'
          ? 'Live updates: on'
          : s === 'unavailable'
            ? 'Live updates are not available on this server'
            : 'Live updates: reconnecting…'),
    onEvent: async (event) => {
      const id = event.data?.alertId;
      if (!id) return;
      const alert = await get(`/v1/alerts/${id}`).catch(() => null);
      if (!alert) return;
      if (
        event.type === 'alert.created' &&
        matches(alert, state.filters) &&
        !list.querySelector(`li[data-id="${id}"]`)
      ) {
        const row = rowFor(alert);
        row.classList.add('fresh');
        list.prepend(row);
        show(message, null);
        live.textContent = `New alert: ${alert.title}`;
      } else replaceRow(alert);
    },
  });
  return () => {
    unbindKeys();
    stream.abort();
  };
}

function withinDays(alert, days) {
  if (!days) return true;
  const left = daysLeft(alert.deadline);
  return left !== null && left >= 0 && left <= Number(days);
}

const csvHas = (csv, value) =>
  !csv ||
  csv
    .split(',')
    .map((v) => v.trim())
    .includes(value);

/** Whether a live alert belongs in the feed as currently filtered. */
function matches(alert, f) {
  return (
    (!f.brand_id || alert.brand_id === f.brand_id) &&
    csvHas(f.status, alert.status) &&
    csvHas(f.severity, alert.severity) &&
    csvHas(f.source, alert.source) &&
    withinDays(alert, f.within_days)
  );
}

function filterForm(brands, onApply) {
  const select = (name, label, options) =>
    h(
      'label',
      { for: `filter-${name}` },
      label,
      h(
        'select',
        { name, id: `filter-${name}` },
        h('option', { value: '' }, 'any'),
        options.map(([value, text]) => h('option', { value }, text)),
      ),
    );
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter alerts' },
    select(
      'brand_id',
      'Brand',
      brands.map((b) => [b.id, b.name]),
    ),
    h(
      'label',
      { for: 'filter-source' },
      'Market or source (office or marketplace, comma-separated)',
      h('input', { name: 'source', id: 'filter-source', placeholder: 'USPTO,INPI-BR' }),
    ),
    select(
      'severity',
      'Severity',
      SEVERITIES.map((s) => [s, s]),
    ),
    select('status', 'Status', [
      ['new,reviewing', 'open (new or reviewing)'],
      ...STATUSES.map((s) => [s, s]),
    ]),
    h(
      'label',
      { for: 'filter-within_days' },
      'Deadline within (days)',
      h('input', {
        name: 'within_days',
        id: 'filter-within_days',
        type: 'number',
        min: '0',
        max: '3650',
        inputmode: 'numeric',
      }),
    ),
    h('button', { type: 'submit' }, 'Apply filters'),
    h(
      'p',
      { class: 'muted' },
      'The deadline filter applies to the alerts loaded so far (the API filters the rest).',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    onApply(
      Object.fromEntries(
        Object.entries(values)
          .map(([k, v]) => [k, String(v).trim()])
          .filter(([, v]) => v !== ''),
      ),
    );
  });
  return form;
}
