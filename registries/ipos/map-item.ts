import { hash } from 'node:crypto';
import { z } from 'zod';
import type { Filing, MarkKind, StatusCategory } from '../../core/filing.ts';

/**
 * One application of the data.gov.sg IPOS trademarks API (`items[]`), as far as Markhound reads it.
 * Field names are the API's (camelCase, `summary`, `markIndex`, `goodsAndServicesSpecifications`,
 * `currentApplicantProprietorDetails`, `documents`); every field may be null.
 */
const code = z.object({ code: z.string().nullish(), description: z.string().nullish() }).nullish();
export const iposItemSchema = z.object({
  applicationNum: z.string().nullish(),
  summary: z
    .object({
      applicationNum: z.string().nullish(),
      applicationDate: z.string().nullish(),
      filingDate: z.string().nullish(),
      publicationDate: z.string().nullish(),
      markStatus: z.string().nullish(),
      markStatusDate: z.string().nullish(),
      tradeMarkType: z.string().nullish(),
      applicationType: z.string().nullish(),
      expiryDate: z.string().nullish(),
      registrationProcedureCompletionDate: z.string().nullish(),
    })
    .nullish(),
  markIndex: z
    .array(
      z.object({
        wordsInMark: z.string().nullish(),
        descrOfDevice: z.string().nullish(),
        enTranslation: z.string().nullish(),
        enTransliteration: z.string().nullish(),
        chineseCharacter: z.string().nullish(),
      }),
    )
    .nullish(),
  goodsAndServicesSpecifications: z
    .array(
      z.object({ classNum: z.string().nullish(), goodsServices: z.string().nullish(), classStatus: code }),
    )
    .nullish(),
  currentApplicantProprietorDetails: z
    .array(
      z.object({
        name: z.string().nullish(),
        address: z.string().nullish(),
        applicantType: code,
        countryOfIncorporationOrResidence: code,
      }),
    )
    .nullish(),
  documents: z
    .array(z.object({ docType: code, url: z.string().nullish(), fileName: z.string().nullish() }))
    .nullish(),
});
export type IposItem = z.infer<typeof iposItemSchema>;

const date = (s: string | null | undefined): string | null =>
  s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;

function statusCategory(status: string | null | undefined): StatusCategory {
  const s = (status ?? '').toLowerCase();
  // "Published for Opposition" is a publication, not an opposition.
  if (/\bopposed\b|under opposition|opposition (filed|proceedings)/.test(s)) return 'opposed';
  if (/registered|protected/.test(s)) return 'registered';
  if (/withdrawn|refused|lapsed|expired|removed|abandoned|cancel|invalid/.test(s)) return 'dead';
  if (/publish|accepted/.test(s)) return 'published';
  if (/pending|examination|filed|formalit/.test(s)) return 'pending';
  return 'unknown';
}

export function mapIposItem(item: IposItem, raw: unknown): Filing | null {
  const serialNumber = item.applicationNum ?? item.summary?.applicationNum ?? null;
  if (!serialNumber) return null;
  const index = item.markIndex?.[0];
  const words = index?.wordsInMark?.trim() || null;
  const device = index?.descrOfDevice?.trim() || null;
  const kind: MarkKind = words && device ? 'combined' : device ? 'figurative' : words ? 'word' : 'unknown';
  const logo = item.documents?.find((d) => d.docType?.code === 'MarkLogo');
  const s = item.summary;
  return {
    office: 'IPOS',
    serialNumber,
    registrationNumber: null,
    markText: words,
    markKind: kind,
    markImage: logo?.url ? { sha256: null, mimeType: null, sourceName: logo.url } : null,
    applicants: (item.currentApplicantProprietorDetails ?? []).flatMap((p) =>
      p.name
        ? [
            {
              name: p.name,
              country: p.countryOfIncorporationOrResidence?.code ?? null,
              address: p.address
                ? p.address
                    .split(/<br\s*\/?>/i)
                    .map((l) => l.trim())
                    .filter(Boolean)
                    .join(', ')
                : null,
              entityType: p.applicantType?.description ?? null,
              role: 'applicant',
            },
          ]
        : [],
    ),
    filingDate: date(s?.filingDate ?? s?.applicationDate),
    publicationDate: date(s?.publicationDate),
    registrationDate: date(s?.registrationProcedureCompletionDate),
    statusCode: null,
    statusText: s?.markStatus ?? null,
    statusDate: date(s?.markStatusDate),
    statusCategory: statusCategory(s?.markStatus),
    classes: (item.goodsAndServicesSpecifications ?? []).flatMap((g) => {
      const n = Number(/\d+/.exec(g.classNum ?? '')?.[0]);
      return n >= 1 && n <= 45
        ? [{ niceClass: n, goods: g.goodsServices ?? null, status: g.classStatus?.description ?? null }]
        : [];
    }),
    designCodes: [],
    priorityClaims: [],
    extra: {
      tradeMarkType: s?.tradeMarkType ?? null,
      applicationType: s?.applicationType ?? null,
      descriptionOfDevice: device,
      translation: index?.enTranslation ?? null,
      transliteration: index?.enTransliteration ?? null,
      expiryDate: date(s?.expiryDate),
    },
    sourceRecordHash: hash('sha256', JSON.stringify(raw), 'hex'),
  };
}
