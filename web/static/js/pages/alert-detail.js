import { takedownCard } from './takedown.js';
import { get, patch } from '../api.js';
import { errorBox, facts, h, show } from '../dom.js';
import { dateTime, deadlineText, list, percent } from '../format.js';
import { STATUSES, severityBadge } from './alert-row.js';
import { exportPackButton } from './evidence-pack.js';
import { imageUrl } from '../images.js';

/** Loads what is optional; a missing route or record shows as a note instead of failing the page. */
const optional = (path) =>
  get(path).then(
    (value) => ({ value }),
    (error) => ({ error }),
  );

/** One alert: the two marks side by side, why they clash, the facts, the deadline, the history. */
export async function renderAlertDetail(main, id) {
  const alert = await get(`/v1/alerts/${id}`);
  const [mark, filing] = await Promise.all([
    alert.mark_id ? optional(`/v1/marks/${alert.mark_id}`) : { value: null },
    alert.filing
      ? optional(
          `/v1/filings/${encodeURIComponent(alert.filing.office)}/${encodeURIComponent(alert.filing.serial_number)}`,
        )
      : { value: null },
  ]);
  const status = h('div', { role: 'status' });
  show(
    main,
    h('p', {}, h('a', { href: '#/alerts' }, '← Back to the feed')),
    h('h1', {}, alert.title),
    h(
      'div',
      { class: 'meta' },
      severityBadge(alert.severity),
      h('span', { class: 'badge status', id: 'detail-status' }, alert.status),
      h('span', {}, `score ${percent(alert.score)}`),
      h('span', {}, `source ${alert.source}`),
    ),
    h(
      'section',
      { class: 'compare', 'aria-label': 'Watched mark and found mark side by side' },
      watchedCard(mark),
      foundCard(alert, filing),
    ),
    h('section', {
      class: 'card',
      id: 'logo-comparison',
      'aria-labelledby': 'logo-comparison-title',
      hidden: true,
    }),
    h(
      'section',
      { class: 'card', id: 'reasons', 'aria-labelledby': 'reasons-title' },
      h('h2', { id: 'reasons-title' }, `Why it matched (score ${percent(alert.score)})`),
      h(
        'ul',
        {},
        alert.reasons.map((r) => h('li', {}, r)),
      ),
      componentTable(alert.components),
    ),
    deadlineCard(alert),
    triageCard(alert, status),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'pack-title' },
      h('h2', { id: 'pack-title' }, 'Evidence'),
      exportPackButton([alert.id]),
    ),
    alert.listing_id ? takedownCard(alert) : null,
    historyCard(alert.events),
  );
  await fillLogos(alert, mark.value, filing.value);
}

/** Fetches the two images (with the key, hence object URLs) and the comparison; absent ones are noted. */
async function fillLogos(alert, mark, filing) {
  const found = filing?.mark_image_sha256
    ? `/v1/filings/${encodeURIComponent(filing.office)}/${encodeURIComponent(filing.serial_number)}/image`
    : null;
  const [ours, theirs, comparison] = await Promise.all([
    mark ? imageUrl(`/v1/marks/${mark.id}/logo`).catch(() => null) : null,
    found ? imageUrl(found).catch(() => null) : null,
    optional(`/v1/alerts/${alert.id}/logo-comparison`),
  ]);
  const slot = (id, url, alt, none) => {
    const el = document.getElementById(id);
    if (el) show(el, url ? h('img', { src: url, alt }) : h('p', { class: 'muted' }, none));
  };
  slot(
    'watched-logo',
    ours,
    mark ? `Logo of your mark ${mark.text}` : '',
    'No logo uploaded for this mark (add one on the Brands page).',
  );
  slot(
    'found-logo',
    theirs,
    filing ? `Mark image of ${filing.office} ${filing.serial_number}` : '',
    'The office supplied no image for this filing.',
  );
  const card = document.getElementById('logo-comparison');
  if (!card || !comparison.value) return;
  const c = comparison.value;
  show(
    card,
    h('h2', { id: 'logo-comparison-title' }, `Logo comparison (similarity ${percent(c.similarity)})`),
    h(
      'ul',
      {},
      c.reasons.map((r) => h('li', {}, r)),
    ),
  );
  card.hidden = false;
}

function watchedCard({ value: mark, error }) {
  return h(
    'article',
    { class: 'card', id: 'watched-mark' },
    h('h2', {}, 'Your watched mark'),
    mark
      ? [
          h('p', { class: 'mark-text' }, mark.text),
          facts([
            ['Kind', mark.kind],
            ['Nice classes', list(mark.nice_classes)],
            ['Goods', mark.goods],
            ['Alert threshold', mark.threshold === null ? 'default' : percent(mark.threshold)],
          ]),
        ]
      : h(
          'p',
          { class: 'muted' },
          error ? `Could not load the mark: ${error.message}` : 'This alert is not tied to one mark.',
        ),
    h('div', { class: 'logo-slot', id: 'watched-logo' }, h('p', { class: 'muted' }, 'Loading logo…')),
  );
}

function foundCard(alert, { value: filing, error }) {
  if (!filing) {
    return h(
      'article',
      { class: 'card', id: 'found-mark' },
      h('h2', {}, 'Found mark'),
      h(
        'p',
        { class: 'muted' },
        error
          ? `Could not load the filing: ${error.message}`
          : `A ${alert.subject_kind}; see the reasons below.`,
      ),
    );
  }
  const transliteration = filing.extra?.transliteration ?? filing.extra?.markTransliteration ?? null;
  return h(
    'article',
    { class: 'card', id: 'found-mark' },
    h('h2', {}, `Found mark (${filing.office} ${filing.serial_number})`),
    h('p', { class: 'mark-text' }, filing.mark_text ?? '(no words: figurative mark)'),
    h('div', { class: 'logo-slot', id: 'found-logo' }, h('p', { class: 'muted' }, 'Loading image…')),
    facts([
      ['Transliteration', typeof transliteration === 'string' ? transliteration : null],
      ['Kind', filing.mark_kind],
      ['Applicant', list(filing.applicants.map((a) => (a.country ? `${a.name} (${a.country})` : a.name)))],
      ['Nice classes', list(filing.classes.map((c) => String(c.nice_class)))],
      ['Goods and services', list(filing.classes.map((c) => c.goods).filter(Boolean))],
      ['Filed', filing.filing_date],
      ['Published', filing.publication_date],
      ['Registered', filing.registration_date],
      ['Status', [filing.status_category, filing.status_text].filter(Boolean).join(': ')],
    ]),
  );
}

function deadlineCard(alert) {
  const info = alert.deadline_info;
  return h(
    'section',
    { class: 'card', id: 'deadline', 'aria-labelledby': 'deadline-title' },
    h('h2', { id: 'deadline-title' }, 'Deadline'),
    h('p', { class: 'mark-text' }, deadlineText(alert.deadline)),
    info
      ? facts([
          ['What', info.kind],
          ['Rule', info.rule],
          ['Verified', info.verified ? 'yes' : 'no: check with counsel'],
          [
            'Sources',
            info.sources.map((s) =>
              s.url
                ? h(
                    'div',
                    {},
                    h('a', { href: s.url, rel: 'noreferrer noopener', target: '_blank' }, s.citation),
                  )
                : h('div', {}, s.citation),
            ),
          ],
          ['Notes', info.notes ?? null],
        ])
      : null,
  );
}

function triageCard(alert, status) {
  const select = h(
    'select',
    { id: 'triage-status', name: 'status' },
    STATUSES.map((s) => h('option', { value: s, selected: s === alert.status }, s)),
  );
  const assignee = h('input', {
    id: 'triage-assignee',
    name: 'assignee',
    value: alert.assignee ?? '',
    autocomplete: 'off',
  });
  const note = h('textarea', { id: 'triage-note', name: 'note', rows: '3', cols: '40' });
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'triage-title' },
    h('h2', { id: 'triage-title' }, 'Triage and notes'),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'triage-status' }, 'Status', select),
      h('label', { for: 'triage-assignee' }, 'Assignee', assignee),
    ),
    h('label', { for: 'triage-note' }, 'Add a note', note),
    status,
    h('p', {}, h('button', { type: 'submit' }, 'Save')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    if (select.value !== alert.status) body.status = select.value;
    if (assignee.value.trim() !== (alert.assignee ?? '')) body.assignee = assignee.value.trim() || null;
    if (note.value.trim()) body.note = note.value.trim();
    if (Object.keys(body).length === 0) return show(status, h('p', { class: 'muted' }, 'Nothing changed.'));
    try {
      const updated = await patch(`/v1/alerts/${alert.id}`, body);
      Object.assign(alert, updated);
      note.value = '';
      show(status, h('p', { class: 'notice' }, 'Saved.'));
      const fresh = await get(`/v1/alerts/${alert.id}`);
      replaceById('history', historyCard(fresh.events));
      replaceById('detail-status', h('span', { class: 'badge status', id: 'detail-status' }, updated.status));
    } catch (error) {
      show(status, errorBox(error.message));
    }
  });
  return form;
}

function replaceById(id, element) {
  const old = document.getElementById(id);
  if (old) old.replaceWith(element);
}

function describeEvent(e) {
  const d = e.data ?? {};
  if (e.type === 'status_changed') return `status ${d.from ?? '?'} → ${d.to ?? '?'}`;
  if (e.type === 'assigned') return `assigned to ${d.to ?? 'nobody'}`;
  if (e.type === 'note') return String(d.text ?? '');
  if (typeof d.why === 'string') return d.why;
  if (e.type === 'created' && typeof d.score === 'number')
    return `raised with score ${percent(d.score)}, severity ${d.severity ?? '?'}`;
  return Object.keys(d).length ? JSON.stringify(d) : '';
}

function historyCard(events) {
  return h(
    'section',
    { class: 'card', id: 'history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    events.length === 0
      ? h('p', { class: 'muted' }, 'No events yet.')
      : h(
          'ol',
          {},
          events.map((e) =>
            h(
              'li',
              {},
              h('strong', {}, e.type),
              ` — ${describeEvent(e)} `,
              h('span', { class: 'muted' }, `(${e.actor}, ${dateTime(e.created_at)})`),
            ),
          ),
        ),
  );
}

/** The matcher's component scores, one row each; components the matcher could not compute show "n/a". */
function componentTable(components) {
  if (!components) return h('p', { class: 'muted' }, 'No component scores recorded for this alert.');
  const names = {
    orthographic: 'Spelling',
    phonetic: 'Sound',
    visual: 'Letter shapes',
    containment: 'Contains the mark',
    transliteration: 'Transliteration',
    goods: 'Goods and services',
  };
  return h(
    'table',
    { id: 'components' },
    h('caption', {}, 'Component scores'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Component'), h('th', { scope: 'col' }, 'Score'))),
    h(
      'tbody',
      {},
      Object.entries(components).map(([key, value]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, names[key] ?? key),
          h('td', {}, value === null ? 'n/a' : percent(value)),
        ),
      ),
    ),
  );
}
