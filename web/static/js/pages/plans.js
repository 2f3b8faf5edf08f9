import { get } from '../api.js';
import { errorBox, facts, h, show, unavailable } from '../dom.js';
import { deadlineText, list } from '../format.js';

const ITEM_NAMES = {
  clearance: 'Clearance search',
  own_filing: 'Own filing',
  watches: 'Watches on',
  marketplace_enrolment: 'Marketplace brand registry',
  oppositions: 'Oppositions',
};
const readinessText = (r) => (r ? `${r.level.replaceAll('_', ' ')} (${r.score}/100)` : 'not computed yet');

/** Market-entry plans: per-market readiness, the checklist, conflicts found, deadlines. */
export async function renderPlans(main) {
  let plans;
  try {
    plans = (await get('/v1/plans')).data;
  } catch (error) {
    if (error.routeMissing)
      return show(main, h('h1', {}, 'Market-entry plans'), unavailable('Market-entry planning'));
    throw error;
  }
  const brands = new Map((await get('/v1/brands')).data.map((b) => [b.id, b.name]));
  show(
    main,
    h('h1', {}, 'Market-entry plans'),
    plans.length === 0
      ? h(
          'p',
          { class: 'notice' },
          'No plan yet. Plans are posted by market-entry tooling through POST /v1/plans.',
        )
      : plans.map((plan) => planCard(plan, brands.get(plan.brand_id))),
  );
}

function planCard(plan, brandName) {
  const body = h('div');
  const button = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false' },
    'Show checklist',
  );
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Show checklist';
      return show(body);
    }
    try {
      const checklist = await get(`/v1/plans/${plan.id}/checklist`);
      show(
        body,
        h('p', { class: 'muted' }, `As of ${checklist.as_of}`),
        checklist.markets.map(marketSection),
      );
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide checklist';
    } catch (error) {
      show(body, errorBox(error.message));
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-label': `Plan ${plan.name}` },
    h('h2', {}, plan.name),
    facts([
      ['Brand', brandName ?? plan.brand_id],
      ['Readiness', readinessText(plan.readiness)],
      ['Markets', list(plan.markets.map((m) => `${m.market} (${m.office}) by ${m.target_entry_date}`))],
    ]),
    h('p', {}, button),
    body,
  );
}

function marketSection(market) {
  return h(
    'div',
    {},
    h(
      'h3',
      {},
      `${market.market} (${market.office}) — ${readinessText(market.readiness)}, entry ${deadlineText(market.target_entry_date)}`,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Item', 'Status', 'Due', 'Detail'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          market.items.map((item) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, ITEM_NAMES[item.key] ?? item.key),
              h(
                'td',
                {
                  class:
                    item.status === 'done'
                      ? 'ok'
                      : item.status === 'at_risk' || item.status === 'blocked'
                        ? 'bad'
                        : '',
                },
                item.status.replaceAll('_', ' '),
              ),
              h('td', {}, item.due_date ? deadlineText(item.due_date) : '—'),
              h('td', {}, item.detail, conflictsOf(item)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The confusable filings the clearance item found, from its evidence. */
function conflictsOf(item) {
  if (item.key !== 'clearance' || !Array.isArray(item.evidence?.marks)) return null;
  const conflicts = item.evidence.marks.flatMap((m) =>
    Array.isArray(m.conflicts) ? m.conflicts.map((c) => ({ ...c, mine: m.text })) : [],
  );
  if (conflicts.length === 0) return null;
  return h(
    'ul',
    {},
    conflicts.map((c) =>
      h(
        'li',
        {},
        `${c.mark_text ?? '(figurative)'} — ${c.office} ${c.serial_number}, ${list(c.applicants)}, against ${c.mine}`,
      ),
    ),
  );
}
