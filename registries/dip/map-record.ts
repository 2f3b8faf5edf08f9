import { hash } from 'node:crypto';
import { z } from 'zod';
import type { Filing, MarkKind, StatusCategory } from '../../core/filing.ts';

/**
 * One trademark of a DIP (Thailand) Data Exchange API answer, as Markhound expects it. The element
 * names are those of the Ministry of Commerce data standard for trademark data (std.moc.go.th,
 * category 9: ApplicationNumber, Words, Transfiteration [sic], GoodsServicesList, IPOwner,
 * Reproduction, TrademarkType); the JSON envelope (`status`, `total`, `data`) and the date fields are
 * assumptions until checked against a real answer (the API is open to registered users only).
 */
export const dipRecordSchema = z.object({
  ApplicationNumber: z.union([z.string(), z.number()]).nullish(),
  ApplicationDate: z.string().nullish(),
  TrademarkType: z.string().nullish(),
  Words: z.string().nullish(),
  Transfiteration: z.string().nullish(),
  GoodsServicesList: z
    .array(
      z.object({
        ClassNumber: z.union([z.string(), z.number()]).nullish(),
        GoodsServices: z.string().nullish(),
      }),
    )
    .nullish(),
  IPOwner: z
    .array(
      z.object({
        Name: z.string().nullish(),
        Address: z.string().nullish(),
        Nationality: z.string().nullish(),
      }),
    )
    .nullish(),
  PublicationDate: z.string().nullish(),
  RegistrationNumber: z.union([z.string(), z.number()]).nullish(),
  RegistrationDate: z.string().nullish(),
  Status: z.string().nullish(),
  Reproduction: z.string().nullish(),
});
export type DipRecord = z.infer<typeof dipRecordSchema>;

/** ISO dates, or Thai dates in the Buddhist era (2569 = 2026), day first or year first. */
export function thaiDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const year = Number(y) > 2400 ? Number(y) - 543 : Number(y);
  return `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function statusCategory(
  status: string | null | undefined,
  published: string | null,
  registered: string | null,
): StatusCategory {
  const s = (status ?? '').toLowerCase();
  if (/คัดค้าน|opposition/.test(s)) return 'opposed';
  if (/จดทะเบียน|registered/.test(s) || registered) return 'registered';
  if (/ละทิ้ง|ปฏิเสธ|เพิกถอน|สิ้นอายุ|abandon|refus|cancel|expire|withdraw/.test(s)) return 'dead';
  if (/ประกาศโฆษณา|publish/.test(s) || published) return 'published';
  return 'pending';
}

export function mapDipRecord(record: DipRecord, raw: unknown): Filing | null {
  const serialNumber = record.ApplicationNumber == null ? null : String(record.ApplicationNumber).trim();
  if (!serialNumber) return null;
  const words = record.Words?.trim() || null;
  const published = thaiDate(record.PublicationDate);
  const registered = thaiDate(record.RegistrationDate);
  const kind: MarkKind =
    words && record.Reproduction
      ? 'combined'
      : words
        ? 'word'
        : record.Reproduction
          ? 'figurative'
          : 'unknown';
  return {
    office: 'DIP',
    serialNumber,
    registrationNumber: record.RegistrationNumber == null ? null : String(record.RegistrationNumber),
    markText: words,
    markKind: kind,
    markImage: null,
    applicants: (record.IPOwner ?? []).flatMap((o) =>
      o.Name
        ? [
            {
              name: o.Name,
              country: o.Nationality ?? null,
              address: o.Address ?? null,
              entityType: null,
              role: 'owner',
            },
          ]
        : [],
    ),
    filingDate: thaiDate(record.ApplicationDate),
    publicationDate: published,
    registrationDate: registered,
    statusCode: null,
    statusText: record.Status ?? null,
    statusDate: null,
    statusCategory: statusCategory(record.Status, published, registered),
    classes: (record.GoodsServicesList ?? []).flatMap((g) => {
      const n = Number(g.ClassNumber);
      return Number.isInteger(n) && n >= 1 && n <= 45
        ? [{ niceClass: n, goods: g.GoodsServices ?? null, status: null }]
        : [];
    }),
    designCodes: [],
    priorityClaims: [],
    extra: { trademarkType: record.TrademarkType ?? null, transliteration: record.Transfiteration ?? null },
    sourceRecordHash: hash('sha256', JSON.stringify(raw), 'hex'),
  };
}
