import { get, query } from '../api.js';
import { facts, h, show, unavailable } from '../dom.js';
import { dateTime } from '../format.js';

// Listing and shop URLs come from marketplace pages: only http(s) links are made clickable.
const web = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);

/** Sellers whose listings matched your marks, repeat offenders first (GET /v1/sellers). */
export async function renderSellers(main) {
  let sellers;
  try {
    sellers = await get(`/v1/sellers${query({ limit: 200 })}`);
  } catch (error) {
    if (error.routeMissing) return show(main, h('h1', {}, 'Sellers'), unavailable('The sellers page'));
    throw error;
  }
  show(
    main,
    h('h1', {}, 'Sellers'),
    h(
      'p',
      { class: 'muted' },
      'Shops whose listings matched your marks. Sellers alerted across brands or markets come first; a link to the applicant of one of your alerted filings is shown per seller.',
    ),
    sellers.data.length === 0
      ? h('p', {}, 'No seller yet: marketplace watches record the shops of the listings they match.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'sellers' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [
                  'Seller',
                  'Marketplace',
                  'Location',
                  'Alerted listings',
                  'Brands',
                  'Markets',
                  'Applicant links',
                  'Why ranked here',
                ].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              sellers.data.map((s) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, h('a', { href: `#/sellers/${s.id}` }, s.name)),
                  h('td', {}, s.marketplace),
                  h('td', {}, s.location ?? '—'),
                  h('td', {}, String(s.alerted_listings)),
                  h('td', {}, String(s.brands_alerted)),
                  h('td', {}, s.markets_alerted.join(', ') || '—'),
                  h('td', { class: s.applicant_links ? 'bad' : '' }, String(s.applicant_links)),
                  h('td', {}, s.rank_reason),
                ),
              ),
            ),
          ),
        ),
  );
}

/** One seller: profile, contact read off its shop page, your matched listings, applicant links. */
export async function renderSellerDetail(main, id) {
  const s = await get(`/v1/sellers/${id}`);
  show(
    main,
    h('p', {}, h('a', { href: '#/sellers' }, '← All sellers')),
    h('h1', {}, s.name),
    h('p', { class: 'muted' }, s.rank_reason),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'profile-title' },
      h('h2', { id: 'profile-title' }, 'Profile'),
      facts([
        ['Marketplace', s.marketplace],
        [
          'Shop',
          web(s.shop_url)
            ? h('a', { href: web(s.shop_url), rel: 'noopener noreferrer', target: '_blank' }, s.shop_url)
            : s.shop_url,
        ],
        ['Location', s.location],
        [
          'Rating',
          s.rating === null ? null : `${s.rating}${s.rating_count ? ` (${s.rating_count} ratings)` : ''}`,
        ],
        ['Listings seen', String(s.listing_count)],
        ['First seen', dateTime(s.first_seen_at)],
        ['Legal name', s.contact.legal_name],
        ['Address', s.contact.address],
        ['Phone', s.contact.phone],
        ['E-mail', s.contact.email],
        ['Website', s.contact.website],
        ['Registration number', s.contact.registration_number],
      ]),
    ),
    h(
      'section',
      { class: 'card', id: 'seller-links', 'aria-labelledby': 'links-title' },
      h('h2', { id: 'links-title' }, 'Applicant of your alerted filings'),
      s.links.length === 0
        ? h(
            'p',
            { class: 'muted' },
            'No filing applicant shares a name, address, phone, e-mail, website or registration number with this seller.',
          )
        : h(
            'ul',
            {},
            s.links.map((l) =>
              h(
                'li',
                {},
                h('strong', {}, `${l.filing.office} ${l.filing.serial_number}`),
                ` ${l.filing.mark_text ?? ''} — applicant ${l.applicant} (score ${Math.round(l.score * 100)}%)`,
                l.alert_id ? [' ', h('a', { href: `#/alerts/${l.alert_id}` }, 'alert')] : null,
                h(
                  'ul',
                  {},
                  l.reasons.map((r) => h('li', {}, r)),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'listings-title' },
      h('h2', { id: 'listings-title' }, 'Listings that matched your marks'),
      h(
        'ul',
        {},
        s.listings.map((l) =>
          h(
            'li',
            {},
            web(l.url)
              ? h('a', { href: web(l.url), rel: 'noopener noreferrer', target: '_blank' }, l.title ?? l.url)
              : l.title,
            l.price !== null ? ` — ${l.price} ${l.currency ?? ''}` : '',
            l.alert_id ? [' · ', h('a', { href: `#/alerts/${l.alert_id}` }, 'alert')] : ' · no alert',
          ),
        ),
      ),
    ),
  );
}
