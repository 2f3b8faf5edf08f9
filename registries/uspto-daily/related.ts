import type { PriorityClaim } from '../../core/filing.ts';
import { allAt, at, textAt, type XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';
import { formatDesignCode, isoCountry } from './places.ts';

/** Prosecution history: one entry per `case-file-event-statement`, in file order. */
export function readEvents(caseFile: XmlElement): Array<Record<string, string | null>> {
  return allAt(caseFile, 'case-file-event-statements/case-file-event-statement').map((e) => ({
    code: textAt(e, 'code'),
    type: textAt(e, 'type'),
    description: textAt(e, 'description-text'),
    date: usptoDate(textAt(e, 'date')),
    number: textAt(e, 'number'),
  }));
}

export function readDesignCodes(caseFile: XmlElement): string[] {
  return allAt(caseFile, 'design-searches/design-search')
    .map((d) => formatDesignCode(textAt(d, 'code')))
    .filter((code): code is string => code !== null);
}

export function readPriorRegistrations(caseFile: XmlElement): Record<string, unknown> | null {
  const block = at(caseFile, 'prior-registration-applications');
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
export function readForeignApplications(caseFile: XmlElement): {
  priorityClaims: PriorityClaim[];
  all: Array<Record<string, unknown>>;
} {
  const all = allAt(caseFile, 'foreign-applications/foreign-application').map(readForeignApplication);
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
export function readMadrid(caseFile: XmlElement): Record<string, unknown> | null {
  const registration = at(caseFile, 'international-registration');
  const requests = allAt(caseFile, 'madrid-international-filing-requests/madrid-international-filing-record');
  if (!registration && requests.length === 0) return null;
  return {
    internationalRegistration: registration ? flatten(registration) : null,
    filingRequests: requests.map(flatten),
  };
}
