import { get, post, query } from '../api.js';
import { errorBox, h, show, unavailable } from '../dom.js';
import { daysLeft, deadlineText } from '../format.js';

const PAGE_SIZE = 200;
const MAX_PAGES = 5;

/** Open alerts with a deadline, soonest first; the feed is paged, so this reads at most 1,000 alerts. */
async function openDeadlines() {
  const found = [];
  let cursor = null;
  let pages = 0;
  do {
    const page = await get(`/v1/alerts${query({ status: 'new,reviewing', limit: PAGE_SIZE, cursor })}`);
    found.push(...page.data.filter((a) => a.deadline));
    cursor = page.next_cursor;
  } while (cursor && ++pages < MAX_PAGES);
  return { alerts: found.sort((a, b) => a.deadline.localeCompare(b.deadline)), truncated: Boolean(cursor) };
}

/** Deadlines: a month calendar, the list with days left, and the iCalendar subscription link. */
export async function renderDeadlines(main) {
  const { alerts, truncated } = await openDeadlines();
  const upcoming = alerts.find((a) => daysLeft(a.deadline) >= 0);
  const month = (upcoming?.deadline ?? new Date().toISOString()).slice(0, 7);
  show(
    main,
    h('h1', {}, 'Deadlines'),
    subscribeCard(),
    truncated
      ? h('p', { class: 'notice' }, `Showing deadlines of the newest ${MAX_PAGES * PAGE_SIZE} open alerts.`)
      : null,
    calendar(month, alerts),
    h('h2', {}, 'All open deadlines'),
    alerts.length === 0
      ? h('p', { class: 'notice' }, 'No open alert has a deadline.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'deadline-list' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Deadline'),
                h('th', { scope: 'col' }, 'Alert'),
                h('th', { scope: 'col' }, 'What'),
              ),
            ),
            h(
              'tbody',
              {},
              alerts.map((a) =>
                h(
                  'tr',
                  {},
                  h('td', {}, deadlineText(a.deadline)),
                  h('td', {}, h('a', { href: `#/alerts/${a.id}` }, a.title)),
                  h('td', {}, a.deadline_info?.kind ?? '—'),
                ),
              ),
            ),
          ),
        ),
  );
}

function calendar(month, alerts) {
  const [year, mon] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, mon - 1, 1));
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday
  const byDay = new Map();
  for (const a of alerts)
    if (a.deadline.startsWith(month))
      byDay.set(Number(a.deadline.slice(8)), [...(byDay.get(Number(a.deadline.slice(8))) ?? []), a]);
  const cells = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) =>
    h('div', { class: 'dow', 'aria-hidden': 'true' }, d),
  );
  for (let i = 0; i < lead; i++) cells.push(h('div', { 'aria-hidden': 'true' }));
  for (let d = 1; d <= days; d++) {
    const due = byDay.get(d) ?? [];
    cells.push(
      h(
        'div',
        { class: due.length ? 'day has' : 'day' },
        h('strong', {}, String(d)),
        due.map((a) => h('div', {}, h('a', { href: `#/alerts/${a.id}` }, a.title))),
      ),
    );
  }
  const title = first.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return h(
    'section',
    { 'aria-label': `Calendar of ${title}` },
    h('h2', {}, title),
    h('div', { class: 'calendar' }, cells),
  );
}

function subscribeCard() {
  const status = h('div', { role: 'status' });
  const button = h('button', { type: 'button', id: 'create-ics' }, 'Create a calendar subscription link');
  button.addEventListener('click', async () => {
    try {
      const feed = await post('/v1/feeds', { name: 'Dashboard deadline calendar' });
      const url = new URL(feed.ics_url, document.location.origin).toString();
      show(
        status,
        h(
          'p',
          {},
          'Subscribe from your calendar app (the link is shown once; it works without an API key, so keep it private): ',
        ),
        h('input', {
          readonly: true,
          value: url,
          'aria-label': 'iCalendar subscription URL',
          size: '60',
          id: 'ics-url',
        }),
      );
    } catch (error) {
      show(status, error.routeMissing ? unavailable('Calendar subscriptions') : errorBox(error.message));
    }
  });
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, 'iCalendar subscription'),
    h('p', { class: 'muted' }, 'Needs an admin key: it creates a feed token.'),
    button,
    status,
  );
}
