import { get } from '../api.js';
import { h, show, unavailable } from '../dom.js';
import { dateTime } from '../format.js';

const lag = (seconds) =>
  seconds === null || seconds === undefined
    ? 'never synced'
    : seconds < 3600
      ? `${Math.round(seconds / 60)} min`
      : seconds < 172800
        ? `${Math.round(seconds / 3600)} h`
        : `${Math.round(seconds / 86400)} days`;

/** Health of every registry and marketplace source: last run, errors, lag. */
export async function renderSources(main) {
  const registries = await get('/v1/sources');
  const marketplaces = await get('/v1/marketplace-sources').catch((error) => ({ error }));
  show(
    main,
    h('h1', {}, 'Sources'),
    h('h2', {}, 'Registries'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { id: 'registry-sources' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              'Source',
              'Office',
              'Enabled',
              'Last success',
              'Lag',
              'Issues behind',
              'Records',
              'Last error',
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          registries.data.map((s) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, s.id, h('div', { class: 'muted' }, s.description)),
              h('td', {}, s.office ?? '—'),
              h('td', {}, s.enabled ? 'yes' : 'no'),
              h('td', {}, dateTime(s.last_success_at)),
              h(
                'td',
                { class: s.lag_seconds === null || s.lag_seconds > 172800 ? 'bad' : 'ok' },
                lag(s.lag_seconds),
              ),
              h('td', {}, s.issues_behind ?? '—'),
              h('td', {}, String(s.records_total)),
              h(
                'td',
                { class: s.last_error ? 'bad' : '' },
                s.last_error ? `${s.last_error} (${dateTime(s.last_error_at)})` : 'none',
              ),
            ),
          ),
        ),
      ),
    ),
    h('h2', {}, 'Marketplaces'),
    marketplaces.error
      ? marketplaces.error.routeMissing
        ? unavailable('Marketplace source health')
        : h('p', { class: 'error' }, marketplaces.error.message)
      : marketplaceTable(marketplaces.data ?? []),
  );
}

function marketplaceTable(rows) {
  if (rows.length === 0) return h('p', { class: 'notice' }, 'No marketplace source is configured.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'marketplace-sources' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'Source',
            'Market',
            'Last run',
            'Last success',
            'Failures in a row',
            'Backed off until',
            'Last error',
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((s) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, s.id),
            h('td', {}, s.market),
            h('td', {}, `${dateTime(s.last_run_at)}${s.last_status ? ` (${s.last_status})` : ''}`),
            h('td', {}, dateTime(s.last_success_at)),
            h('td', { class: s.consecutive_failures > 0 ? 'bad' : 'ok' }, String(s.consecutive_failures)),
            h('td', {}, dateTime(s.blocked_until)),
            h('td', { class: s.last_error ? 'bad' : '' }, s.last_error ?? 'none'),
          ),
        ),
      ),
    ),
  );
}
