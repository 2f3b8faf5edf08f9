import type { PriorityClaim } from '../../core/filing.ts';
import { allAt, childrenNamed, textAt, type XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';
import { formatDesignCode, isoCountry } from './places.ts';

/** Prosecution history from a `case-file-event-statements` block: one entry per statement, in file order. */
export function readEvents(block: XmlElement | undefined): Array<Record<string, string | null>> {
  const events: Array<Record<string, string | null>> = [];
  for (const e of block?.children ?? []) {
    if (e.name !== 'case-file-event-statement') continue;
    let code: string | undefined;
    let type: string | undefined;
    let description: string | undefined;
    let date: string | undefined;
    let number: string | undefined;
    for (const c of e.children) {
      switch (c.name) {
        case 'code':
          code ??= c.text;
          break;
        case 'type':
          type ??= c.text;
          break;
        case 'description-text':
          description ??= c.text;
          break;
        case 'date':
          date ??= c.text;
          break;
        case 'number':
          number ??= c.text;
          break;
      }
    }
    events.push({
      code: code || null,
      type: type || null,
      description: description || null,
      date: usptoDate(date || null),
      number: number || null,
    });
  }
  return events;
}

/** Design search codes of a `design-searches` block, formatted `02.01.01`. */
export function readDesignCodes(block: XmlElement | undefined): string[] {
  const codes: string[] = [];
  for (const d of block?.children ?? []) {
    if (d.name !== 'design-search') continue;
    const code = formatDesignCode(textAt(d, 'code'));
    if (code !== null) codes.push(code);
  }
  return codes;
}

export function readPriorRegistrations(block: XmlElement | undefined): Record<string, unknown> | null {
  if (!block) return null;
  return {
    otherRelated: textAt(block, 'other-related-in') === 'T',
    applications: allAt(block, 'prior-registration-application').map((p) => ({
      relationshipType: textAt(p, 'relationship-type'),
      number: textAt(p, 'number'),
    })),
  };
}

function readForeignApplication(f: XmlElement): Record<string, unknown> {
  return {
    country: isoCountry(textAt(f, 'country')) ?? textAt(f, 'other'),
    applicationNumber: textAt(f, 'application-number'),
    filingDate: usptoDate(textAt(f, 'filing-date')),
    registrationNumber: textAt(f, 'registration-number'),
    registrationDate: usptoDate(textAt(f, 'registration-date')),
    registrationExpirationDate: usptoDate(textAt(f, 'registration-expiration-date')),
    renewalNumber: textAt(f, 'renewal-number'),
    priorityClaimed: textAt(f, 'foreign-priority-claim-in') === 'T',
  };
}

/**
 * Foreign applications are both Paris priority claims (44(d), flagged `foreign-priority-claim-in`)
 * and foreign registrations a 44(e) filing rests on. Only the claimed ones are priority claims;
 * all of them stay in `extra.foreignApplications`.
 */
export function readForeignApplications(block: XmlElement | undefined): {
  priorityClaims: PriorityClaim[];
  all: Array<Record<string, unknown>>;
} {
  const all = childrenNamed(block, 'foreign-application').map(readForeignApplication);
  const priorityClaims = all
    .filter((f) => f.priorityClaimed === true)
    .map((f) => ({
      country: (f.country as string | null) ?? null,
      number: (f.applicationNumber as string | null) ?? null,
      date: (f.filingDate as string | null) ?? null,
    }));
  return { priorityClaims, all };
}

const camel = (name: string): string => name.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

// `date`, `*-date` and `original-filing-date-uspto` are all YYYYMMDD dates.
const isDateField = (name: string): boolean => /(^|-)date($|-)/.test(name);

/** Every child of an element as camelCase keys, dates converted, nested lists as arrays. */
function flatten(el: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of el.children) {
    if (c.children.length > 0) {
      const list = (out[camel(c.name)] as unknown[] | undefined) ?? [];
      out[camel(c.name)] = [...list, ...c.children.map(flatten)];
    } else {
      const text = textAt(c);
      out[camel(c.name)] = isDateField(c.name) ? usptoDate(text) : text;
    }
  }
  return out;
}

/** Madrid Protocol data: the international registration this US filing rests on, and outgoing requests. */
export function readMadrid(
  registration: XmlElement | undefined,
  requestsBlock: XmlElement | undefined,
): Record<string, unknown> | null {
  const requests = childrenNamed(requestsBlock, 'madrid-international-filing-record');
  if (!registration && requests.length === 0) return null;
  return {
    internationalRegistration: registration ? flatten(registration) : null,
    filingRequests: requests.map(flatten),
  };
}
