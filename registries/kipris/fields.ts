import type { XmlElement } from '../xml/index.ts';

/**
 * KIPRIS Plus answers in two spellings: the `TradeMarkInfo` records of the trademark info service
 * use PascalCase (`ApplicationNumber`, `PublicNumber`, `ImagePath`), the `item` records of the
 * advanced search use camelCase with other names (`applicationNumber`, `publicationNumber`,
 * `bigDrawing`). Fields are looked up case-insensitively under every name they go by.
 */
export type Fields = Map<string, string>;

export function fieldsOf(record: XmlElement): Fields {
  const fields: Fields = new Map();
  for (const c of record.children) {
    const value = c.text.trim();
    if (value !== '') fields.set(c.name.toLowerCase(), value);
  }
  return fields;
}

export function pick(fields: Fields, ...names: string[]): string | null {
  for (const name of names) {
    const value = fields.get(name.toLowerCase());
    if (value !== undefined) return value;
  }
  return null;
}

/** Multi-valued fields (classes, Vienna codes, names) are separated by `|` or `,`. */
export function pickList(fields: Fields, ...names: string[]): string[] {
  const value = pick(fields, ...names);
  return value
    ? value
        .split(/[|,]/)
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

/** KIPRIS dates are `YYYYMMDD`; they become `YYYY-MM-DD` calendar dates, impossible ones null. */
export function kiprisDate(raw: string | null): string | null {
  const match = /^(\d{4})[.-]?(\d{2})[.-]?(\d{2})$/.exec(raw ?? '');
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const m = Number(month);
  const d = Number(day);
  const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > lastDay) return null;
  return `${year}-${month}-${day}`;
}
