import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { tables, type Database } from '../../db/index.ts';
import { evidenceCaptures, evidencePacks } from '../../db/schema-evidence.ts';
import { listingMatches, listings } from '../../db/schema-listings.ts';
import { brandRightsHolders, markRegistrations, sellers } from '../../db/schema-marketplaces.ts';
import { programmeById, programmeForMarketplace, type Programme } from './programmes.ts';

export interface EvidenceItem {
  kind: 'capture' | 'evidence_pack';
  id: string;
  url: string | null;
  at: string | null;
  sha256: Record<string, string>;
}

export interface DraftReport {
  programme: Programme;
  fields: Record<string, unknown>;
  /** Required fields of the form Markhound could not fill, with where to set them. */
  missing: string[];
  notes: string[];
  listingId: string;
}

const COUNTERFEIT_SIGNALS = new Set(['counterfeit_term', 'grade_term', 'price_far_below_reference']);

/**
 * The takedown report of an alerted listing for one programme (by default the listing's own
 * marketplace's): its form fields pre-filled from the brand's rights holder, the alert's mark and its
 * registration covering the listing's market, the listing, the match's signals and the evidence
 * captured for the alert. Nothing is invented: a field without data is listed in `missing`.
 */
export async function buildTakedownReport(
  db: Database,
  input: { organizationId: string; alertId: string; programmeId?: string },
): Promise<DraftReport> {
  const a = tables.alerts;
  const [alert] = await db
    .select()
    .from(a)
    .where(and(eq(a.id, input.alertId), eq(a.organizationId, input.organizationId)));
  if (!alert) throw new NotFoundError(`alert ${input.alertId} not found in your organization`);
  if (!alert.listingId)
    throw new ValidationError(
      `alert ${alert.id} is a ${alert.kind} alert without a marketplace listing; takedown reports are for listing alerts`,
    );
  const [listing] = await db.select().from(listings).where(eq(listings.id, alert.listingId));
  if (!listing) throw new NotFoundError(`listing ${alert.listingId} of alert ${alert.id} no longer exists`);
  const programme = input.programmeId
    ? programmeById(input.programmeId)
    : programmeForMarketplace(listing.marketplace);
  if (!programme)
    throw new ValidationError(
      input.programmeId
        ? `programme "${input.programmeId}" is unknown; use one of amazon-brand-registry, shopee-brand-ip-portal, alibaba-ipp, mercadolibre-bpp, ebay-vero, tokopedia-ip-protection`
        : `no takedown programme is known for marketplace "${listing.marketplace}"; pass one explicitly`,
    );

  const [holder] = await db
    .select()
    .from(brandRightsHolders)
    .where(eq(brandRightsHolders.brandId, alert.brandId));
  const marks = await db
    .select()
    .from(tables.marks)
    .where(
      and(eq(tables.marks.brandId, alert.brandId), eq(tables.marks.organizationId, input.organizationId)),
    )
    .orderBy(
      sql`${tables.marks.id} = ${alert.markId ?? '00000000-0000-0000-0000-000000000000'} desc`,
      asc(tables.marks.text),
    );
  const mark = marks[0] ?? null;
  const registrations = mark
    ? await db
        .select()
        .from(markRegistrations)
        .where(
          inArray(
            markRegistrations.markId,
            marks.map((m) => m.id),
          ),
        )
    : [];
  // Prefer the alert's mark, then a registration covering the listing's market (Amazon and Shopee
  // accept only rights that cover the marketplace country).
  const covering = registrations
    .filter((r) => r.markId === mark?.id || !registrations.some((x) => x.markId === mark?.id))
    .sort((x, y) => Number(y.jurisdiction === listing.market) - Number(x.jurisdiction === listing.market));
  const registration = covering[0] ?? null;
  const [match] = await db
    .select()
    .from(listingMatches)
    .where(
      and(
        eq(listingMatches.organizationId, input.organizationId),
        eq(listingMatches.brandId, alert.brandId),
        eq(listingMatches.listingId, listing.id),
      ),
    )
    .orderBy(desc(listingMatches.score))
    .limit(1);
  const [seller] = listing.sellerRef
    ? await db.select().from(sellers).where(eq(sellers.id, listing.sellerRef))
    : [];
  const evidence = await evidenceFor(db, input.organizationId, alert.id);

  const signals = match?.signals ?? [];
  const counterfeit = signals.some((s) => COUNTERFEIT_SIGNALS.has(s.kind));
  const infringementType = counterfeit
    ? 'Counterfeit goods bearing the trademark'
    : 'Unauthorised use of the trademark in the listing';
  const where = `${listing.marketplace}${listing.market ? ` ${listing.market}` : ''}`;
  const markText = mark?.text ?? null;
  const description = [
    `The listing "${listing.title ?? listing.listingKey}" offered by ${seller ? `"${seller.name}"` : 'an unnamed seller'} on ${where} uses the trademark ${markText ?? '(mark)'}${registration ? ` (registration ${registration.registrationNumber}, ${registration.office})` : ''} without the rights owner's authorisation.`,
    ...(match?.reasons.length ? [`Match: ${match.reasons.join('; ')}.`] : []),
    ...(signals.length ? [`Signals: ${signals.map((s) => s.evidence).join('; ')}.`] : []),
  ].join(' ');

  const fields: Record<string, unknown> = {
    rights_owner_name: holder?.name ?? null,
    rights_owner_address: holder?.address ?? null,
    contact_email: holder?.email ?? null,
    contact_phone: holder?.phone ?? null,
    agent_name: holder?.agentName ?? null,
    ip_type: 'Trademark',
    trademark: markText,
    registration_number: registration?.registrationNumber ?? null,
    registration_office: registration?.office ?? null,
    registration_jurisdiction: registration?.jurisdiction ?? null,
    registration_classes: registration?.classes.length ? registration.classes : null,
    listing_urls: listing.url ? [listing.url] : null,
    infringement_type: infringementType,
    description,
    evidence: evidence.length ? evidence : null,
  };
  const specific: Record<string, Record<string, unknown>> = {
    'amazon-brand-registry': {
      asins:
        listing.marketplace === 'amazon' && !listing.listingKey.startsWith('derived:')
          ? [listing.listingKey]
          : null,
      infringement_scope: counterfeit
        ? 'Product (counterfeit) and text on the product detail page'
        : 'Text on the product detail page',
      test_buy_order_ids: null,
    },
    'shopee-brand-ip-portal': { market: listing.market, authorisation_letter: null },
    'alibaba-ipp': { ipr_document: null },
    'mercadolibre-bpp': {
      country_site: listing.market,
      listing_ids: listing.listingKey.startsWith('derived:') ? null : [listing.listingKey],
      power_of_attorney: null,
    },
    'ebay-vero': {
      item_numbers: listing.listingKey.startsWith('derived:') ? null : [listing.listingKey],
      vero_reason_code: null,
      message_to_seller: `This listing infringes the ${markText ?? ''} trademark of ${holder?.name ?? 'the rights owner'}: ${infringementType.toLowerCase()}.`,
      signature_date: null,
    },
    'tokopedia-ip-protection': { reporter_company: holder?.name ?? null, reporter_position: null },
  };
  Object.assign(fields, specific[programme.id] ?? {});
  const missing = programme.fields
    .filter((field) => field.required && isEmpty(fields[field.key]))
    .map((field) => `${field.key}: ${field.label}${field.hint ? ` (${field.hint})` : ''}`);
  const notes: string[] = [];
  if (registration && listing.market && registration.jurisdiction !== listing.market)
    notes.push(
      `registration ${registration.registrationNumber} covers ${registration.jurisdiction}, the listing is on the ${listing.market} market: programmes accept rights covering the marketplace country`,
    );
  if (programme.maxListingsPerReport)
    notes.push(`${programme.name} takes up to ${programme.maxListingsPerReport} listings a report`);
  return { programme, fields, missing, notes, listingId: listing.id };
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

async function evidenceFor(db: Database, organizationId: string, alertId: string): Promise<EvidenceItem[]> {
  const captures = await db
    .select()
    .from(evidenceCaptures)
    .where(and(eq(evidenceCaptures.organizationId, organizationId), eq(evidenceCaptures.alertId, alertId)))
    .orderBy(asc(evidenceCaptures.capturedAt));
  const packs = await db
    .select()
    .from(evidencePacks)
    .where(
      and(
        eq(evidencePacks.organizationId, organizationId),
        eq(evidencePacks.state, 'done'),
        sql`${evidencePacks.alertIds} @> ${JSON.stringify([alertId])}::jsonb`,
      ),
    );
  return [
    ...captures.map((c) => ({
      kind: 'capture' as const,
      id: c.id,
      url: c.url,
      at: c.capturedAt.toISOString(),
      sha256: Object.fromEntries(Object.entries(c.artifacts).map(([name, ref]) => [name, ref.sha256])),
    })),
    ...packs.map((p) => ({
      kind: 'evidence_pack' as const,
      id: p.id,
      url: null,
      at: p.finishedAt?.toISOString() ?? null,
      sha256: {
        ...(p.zipSha256 ? { 'pack.zip': p.zipSha256 } : {}),
        ...(p.manifestSha256 ? { 'manifest.json': p.manifestSha256 } : {}),
      },
    })),
  ];
}
