import { hash } from 'node:crypto';
import * as cheerio from 'cheerio';
import type { Filing, MarkKind, Party, StatusCategory } from '../../core/filing.ts';
import { canonicalOfficeId } from '../../core/offices.ts';
import { dayFirstDate } from '../gazette/index.ts';

/**
 * A literal template placeholder such as `${mk}` or `${repeating.template.ap}`: the portal served its
 * template before filling it in (transient; fetching again gets the rendered page). The letter after
 * the brace tells a placeholder from the page's own script guard `indexOf("${")`.
 */
export const UNRENDERED = /\$\{[A-Za-z][\w.-]*\}/;

export type DetailOutcome =
  | { kind: 'record'; fields: DetailFields }
  | { kind: 'unrendered'; placeholder: string }
  | { kind: 'not-found' };

/** What a detail page says, keyed by INID number (labels differ by office language; numbers do not). */
export interface DetailFields {
  id: string | null;
  applicationNumber: string | null;
  filed: string | null;
  publicationNumber: string | null;
  published: string | null;
  registrationNumber: string | null;
  registered: string | null;
  expires: string | null;
  status: string | null;
  mark: string | null;
  markType: string | null;
  colours: string | null;
  classes: { niceClass: number; goods: string | null }[];
  vienna: string[];
  applicants: { name: string; address: string | null }[];
  representatives: string[];
  priority: { number: string | null; date: string | null; country: string | null } | null;
  logoUrl: string | null;
  events: { step: string; date: string | null; status: string }[];
}

const clean = (s: string | undefined | null): string => (s ?? '').replace(/\s+/g, ' ').trim();
/** "(VI) Công ty ... : address" → drop the language tags the portal puts before each text. */
const dropLang = (s: string): string => clean(s.replace(/\(\s*[A-Z]{2}\s*\)/g, ' '));

export function readDetailPage(html: string): DetailOutcome {
  const placeholder = UNRENDERED.exec(html);
  if (placeholder) return { kind: 'unrendered', placeholder: placeholder[0] };
  const $ = cheerio.load(html);
  const byInid = new Map<string, ReturnType<typeof $>>();
  const byLabel = new Map<string, ReturnType<typeof $>>();
  $('.product-form-label').each((_, el) => {
    const label = clean($(el).text());
    const value = $(el).next('.product-form-details, .product-form-detail');
    const inid = /^\((\d{3})\)/.exec(label)?.[1];
    if (inid) byInid.set(inid, value);
    else if (!byLabel.has(label)) byLabel.set(label, value);
  });
  if (byInid.size === 0) return { kind: 'not-found' };
  const spans = (inid: string) =>
    (byInid.get(inid)?.find('span').toArray() ?? []).map((s) => clean($(s).text())).filter(Boolean);
  const [applicationNumber = null, filed = null] = spans('200');
  const [registrationNumber = null, registered = null] = spans('100');
  const [, expires = null] = ['', ...spans('180')];
  const pub = (byInid.get('400')?.find('.col-md-4').toArray() ?? []).map((d) => clean($(d).text()));
  const markEl = byInid.get('541');
  const markLines = (markEl?.html() ?? '')
    .split(/<br\s*\/?>/i)
    .map((part) => dropLang(cheerio.load(part).text()));
  const logoSrc = $('img.detail-img').attr('src') ?? null;
  const idFromPage =
    /\/application\/([A-Z]{2}[\w]+)\/logo/.exec(logoSrc ?? '')?.[1] ??
    /\/json\/([A-Z]{2}\w+)\s*$/.exec(clean($('#timeLineUrl').text()))?.[1] ??
    null;
  const statusLabel = [...byLabel.keys()].find((l) => /^(Trạng thái|Status|Estado|Statut)$/i.test(l));
  const priorityTable = byInid.get('300')?.find('.priority-table');
  const [priorityNumber, priorityDate] = (priorityTable?.find('span').toArray() ?? []).map((s) =>
    clean($(s).text()),
  );
  const priorityCountry = clean(priorityTable?.children('.col-md-6').last().text());
  return {
    kind: 'record',
    fields: {
      id: idFromPage,
      applicationNumber,
      filed,
      publicationNumber: pub[0] || null,
      published: pub[1] || null,
      registrationNumber,
      registered,
      expires,
      status: statusLabel ? clean(byLabel.get(statusLabel)?.text()) || null : null,
      mark: markLines.find((l) => l.length > 0) ?? null,
      markType: clean(byInid.get('550')?.text()) || null,
      colours: clean(byInid.get('591')?.text()) || null,
      classes: (byInid.get('511')?.find('a.external-link').toArray() ?? []).flatMap((a) => {
        const n = Number(clean($(a).find('.ext-link-text').text()));
        return Number.isInteger(n) && n >= 1 && n <= 45
          ? [{ niceClass: n, goods: clean($(a).find('.col-md-10').text()) || null }]
          : [];
      }),
      vienna: (byInid.get('531')?.find('.ext-link-text').toArray() ?? [])
        .map((s) => /^(\d{2}\.\d{2}\.\d{2})/.exec(clean($(s).text()))?.[1])
        .filter((v): v is string => Boolean(v)),
      applicants: parties($, byInid.get('730')),
      representatives: parties($, byInid.get('740')).map((p) =>
        [p.name, p.address].filter(Boolean).join(', '),
      ),
      priority: priorityNumber
        ? { number: priorityNumber, date: priorityDate || null, country: priorityCountry || null }
        : null,
      logoUrl: logoSrc,
      events: $('.events-section tbody tr')
        .toArray()
        .map((tr) =>
          $(tr)
            .find('td')
            .toArray()
            .map((td) => clean($(td).text())),
        )
        .map(([step = '', date = '', status = '']) => ({ step, date: dayFirstDate(date), status })),
    },
  };
}

function parties(
  $: cheerio.CheerioAPI,
  el: ReturnType<cheerio.CheerioAPI> | undefined,
): { name: string; address: string | null }[] {
  if (!el) return [];
  return el
    .find('.margin-bottom-10')
    .toArray()
    .map((block) => dropLang($(block).find('.row').first().text()))
    .filter(Boolean)
    .map((text) => {
      const at = text.indexOf(' : ');
      return at < 0
        ? { name: text, address: null }
        : { name: text.slice(0, at).trim(), address: text.slice(at + 3).trim() || null };
    });
}

const KINDS: Record<string, MarkKind> = {
  word: 'word',
  combined: 'combined',
  figurative: 'figurative',
  'three-dimensional': 'three-dimensional',
  sound: 'sound',
  colour: 'colour',
  color: 'colour',
};

/** "VN -4-2026-99001", "PH/4/2026/00012345" → "4-2026-99001": the number without the country, dashed. */
export function serialOf(applicationNumber: string): string {
  return applicationNumber
    .replace(/^[A-Z]{2}\s*[-/ ]*/, '')
    .replace(/[\s/]+/g, '-')
    .replace(/-+/g, '-');
}

/** The office of a page: from its WIPO Publish id (VN4..., PH4...) or its application number. */
export function officeOf(fields: DetailFields): string | null {
  const prefix = fields.id?.slice(0, 2) ?? /^([A-Z]{2})\b/.exec(fields.applicationNumber ?? '')?.[1] ?? null;
  return canonicalOfficeId(prefix);
}

export function filingFromDetail(fields: DetailFields, office: string): Filing | null {
  if (!fields.applicationNumber) return null;
  const published = dayFirstDate(fields.published);
  const registered = dayFirstDate(fields.registered);
  const statusCategory: StatusCategory = registered ? 'registered' : published ? 'published' : 'pending';
  const applicants: Party[] = fields.applicants.map((a) => ({
    name: a.name,
    country: /,\s*([A-Z]{2})$/.exec(a.address ?? '')?.[1] ?? null,
    address: a.address,
    entityType: null,
    role: 'applicant',
  }));
  const { logoUrl, ...hashed } = fields;
  return {
    office,
    serialNumber: serialOf(fields.applicationNumber),
    registrationNumber: fields.registrationNumber,
    markText: fields.mark,
    markKind: KINDS[(fields.markType ?? '').toLowerCase()] ?? 'unknown',
    markImage: logoUrl ? { sha256: null, mimeType: null, sourceName: logoUrl } : null,
    applicants,
    filingDate: dayFirstDate(fields.filed),
    publicationDate: published,
    registrationDate: registered,
    statusCode: fields.status,
    statusText: fields.events.at(-1)?.status || fields.events.at(-1)?.step || null,
    statusDate: fields.events.at(-1)?.date ?? null,
    statusCategory,
    classes: fields.classes.map((c) => ({ niceClass: c.niceClass, goods: c.goods, status: null })),
    designCodes: fields.vienna,
    priorityClaims: fields.priority
      ? [
          {
            country: fields.priority.country,
            number: fields.priority.number,
            date: dayFirstDate(fields.priority.date),
          },
        ]
      : [],
    extra: {
      wipoPublishId: fields.id,
      publicationNumber: fields.publicationNumber,
      expires: dayFirstDate(fields.expires),
      colours: fields.colours,
      representatives: fields.representatives,
      events: fields.events,
    },
    sourceRecordHash: hash('sha256', JSON.stringify(hashed), 'hex'),
  };
}
