import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { emitEvent } from '../../alerts/index.ts';
import type { Clock } from '../../core/clock.ts';
import type { Party } from '../../core/index.ts';
import { tables, type Database } from '../../db/index.ts';
import { listingMatches, listings } from '../../db/schema-listings.ts';
import { sellerApplicantLinks, sellers } from '../../db/schema-marketplaces.ts';
import { LINK_THRESHOLD, scoreLink, type ApplicantIdentity } from './score-link.ts';

export interface LinkSummary {
  compared: number;
  links: number;
  alertsCreated: number;
}

/** Strings of a filing's extra data (correspondence blocks, contact fields), for contact matching. */
function stringsOf(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 4 || out.length > 200) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out, depth + 1);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value as Record<string, unknown>)) stringsOf(item, out, depth + 1);
  return out;
}

/**
 * Links the applicants of filings alerted for an organization's brands with the sellers whose
 * listings matched its marks: same normalized name, address, phone, e-mail, website or company
 * registration number, scored and explained (`scoreLink`). Each new link is stored once and raised
 * as a `seller_applicant_link` alert; re-running changes nothing. `sellerIds` narrows the sellers
 * (a watch passes the ones it just saw); without it every seller the organization has seen is compared.
 * `filingIds` narrows the filings the same way (a registry batch passes its own).
 */
export async function linkApplicants(
  db: Database,
  clock: Clock,
  input: { organizationId: string; sellerIds?: string[]; filingIds?: string[] },
): Promise<LinkSummary> {
  const summary: LinkSummary = { compared: 0, links: 0, alertsCreated: 0 };
  if (input.sellerIds?.length === 0 || input.filingIds?.length === 0) return summary;
  const a = tables.alerts;
  const filed = await db
    .select({
      alertBrandId: a.brandId,
      alertMarkId: a.markId,
      filingId: tables.filings.id,
      office: tables.filings.office,
      serial: tables.filings.serialNumber,
      applicants: tables.filings.applicants,
      extra: tables.filings.extra,
    })
    .from(a)
    .innerJoin(tables.filings, eq(tables.filings.id, a.filingId))
    .where(
      and(
        eq(a.organizationId, input.organizationId),
        eq(a.kind, 'registry_conflict'),
        // After a registry batch only its filings need comparing with every known seller.
        ...(input.filingIds ? [inArray(a.filingId, input.filingIds)] : []),
      ),
    );
  if (filed.length === 0) return summary;

  const visible = db
    .selectDistinct({ id: listings.sellerRef })
    .from(listingMatches)
    .innerJoin(listings, eq(listings.id, listingMatches.listingId))
    .where(and(eq(listingMatches.organizationId, input.organizationId), isNotNull(listings.sellerRef)));
  const sellerRows = await db
    .select()
    .from(sellers)
    .where(
      and(
        inArray(sellers.id, sql`(${visible})`),
        ...(input.sellerIds ? [inArray(sellers.id, input.sellerIds)] : []),
      ),
    );

  for (const seller of sellerRows) {
    const identity = {
      name: seller.name,
      legalName: seller.contact.legalName ?? null,
      address: seller.contact.address ?? null,
      phone: seller.contact.phone ?? null,
      email: seller.contact.email ?? null,
      website: seller.contact.website ?? null,
      registrationNumber: seller.contact.registrationNumber ?? null,
    };
    for (const filing of filed) {
      for (const party of filing.applicants as Party[]) {
        summary.compared += 1;
        const applicant: ApplicantIdentity = {
          name: party.name,
          address: party.address,
          extraText: stringsOf(filing.extra),
          registrationNumbers: [],
        };
        const link = scoreLink(applicant, identity);
        if (link.score < LINK_THRESHOLD) continue;
        summary.links += 1;
        const created = await storeLink(db, clock, {
          organizationId: input.organizationId,
          brandId: filing.alertBrandId,
          markId: filing.alertMarkId,
          seller,
          filing,
          applicantName: party.name,
          link,
        });
        if (created) summary.alertsCreated += 1;
      }
    }
  }
  return summary;
}

interface StoreInput {
  organizationId: string;
  brandId: string;
  markId: string | null;
  seller: typeof sellers.$inferSelect;
  filing: { filingId: string; office: string; serial: string };
  applicantName: string;
  link: { score: number; matchedOn: string[]; reasons: string[] };
}

/** Stores the link and raises its alert in one transaction; true when the alert is new. */
async function storeLink(db: Database, clock: Clock, input: StoreInput): Promise<boolean> {
  const now = clock.now();
  const { seller, filing, link } = input;
  const a = tables.alerts;
  const fingerprint = createHash('sha256')
    .update(['seller-link', seller.id, filing.filingId].join('\u0000'))
    .digest('hex');
  return db.transaction(async (tx) => {
    const db2 = tx as unknown as Database;
    // The listing that made this seller visible to the organization, for the alert's subject.
    const [listing] = await db2
      .select({
        id: listings.id,
        market: listings.market,
        url: listings.url,
        alerted: listingMatches.alertId,
      })
      .from(listings)
      .innerJoin(listingMatches, eq(listingMatches.listingId, listings.id))
      .where(and(eq(listings.sellerRef, seller.id), eq(listingMatches.organizationId, input.organizationId)))
      .orderBy(sql`${listingMatches.alertId} is null`, listings.lastSeenAt)
      .limit(1);
    const where = `${seller.marketplace}${listing?.market ? ` ${listing.market}` : ''}`;
    const title = `The applicant of ${filing.office} ${filing.serial} (${input.applicantName}) sells on ${where} as "${seller.name}"`;
    const severity = listing?.alerted ? 'high' : 'medium';
    const [created] = await tx
      .insert(a)
      .values({
        organizationId: input.organizationId,
        brandId: input.brandId,
        markId: input.markId,
        kind: 'seller_applicant_link',
        fingerprint,
        title,
        severity,
        source: seller.marketplace,
        subjectKind: 'seller',
        filingId: filing.filingId,
        listingId: listing?.id ?? null,
        score: link.score,
        reasons: link.reasons,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [a.organizationId, a.fingerprint] })
      .returning({ id: a.id });
    const alertId =
      created?.id ??
      (
        await tx
          .select({ id: a.id })
          .from(a)
          .where(and(eq(a.organizationId, input.organizationId), eq(a.fingerprint, fingerprint)))
      )[0]?.id ??
      null;
    await tx
      .insert(sellerApplicantLinks)
      .values({
        organizationId: input.organizationId,
        brandId: input.brandId,
        sellerId: seller.id,
        filingId: filing.filingId,
        applicantName: input.applicantName,
        score: link.score,
        matchedOn: link.matchedOn,
        reasons: link.reasons,
        alertId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [
          sellerApplicantLinks.organizationId,
          sellerApplicantLinks.sellerId,
          sellerApplicantLinks.filingId,
        ],
        set: { score: link.score, matchedOn: link.matchedOn, reasons: link.reasons, alertId, updatedAt: now },
      });
    if (!created) return false;
    await tx.insert(tables.alertEvents).values({
      alertId: created.id,
      organizationId: input.organizationId,
      actor: 'system',
      type: 'created',
      data: { score: link.score, reasons: link.reasons, severity },
      createdAt: now,
    });
    await emitEvent(db2, {
      organizationId: input.organizationId,
      type: 'alert.created',
      subject: `alert:${created.id}`,
      data: {
        alertId: created.id,
        kind: 'seller_applicant_link',
        title,
        sellerId: seller.id,
        marketplace: seller.marketplace,
        office: filing.office,
        serialNumber: filing.serial,
        applicant: input.applicantName,
        score: link.score,
        severity,
        reasons: link.reasons,
        url: listing?.url ?? null,
      },
      createdAt: now,
    });
    return true;
  });
}
