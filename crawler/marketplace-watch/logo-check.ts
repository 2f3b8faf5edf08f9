import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import type { ListingSignal } from '../../db/schema-listings.ts';
import { compareLogos, hashLogo, type LogoHashes } from '../../matcher/logo/index.ts';
import type { HttpClient } from '../http/index.ts';

/** At or below this mean hash distance (of 64) the image shows the logo (matcher/logo's "matches"). */
export const LOGO_MATCH_DISTANCE = 10;
/** Listing images are small; a bigger body is not a thumbnail and is not worth the bytes. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Perceptual hashes of the brand's mark logos (marks.logo_sha256 → blobs), by mark id. */
export async function loadMarkLogos(
  db: Database,
  brandId: string,
  warn: (message: string) => void,
): Promise<Map<string, LogoHashes>> {
  const m = tables.marks;
  const marks = await db
    .select({ id: m.id, sha: m.logoSha256 })
    .from(m)
    .where(and(eq(m.brandId, brandId), isNotNull(m.logoSha256)));
  const logos = new Map<string, LogoHashes>();
  if (marks.length === 0) return logos;
  const blobs = await db
    .select()
    .from(tables.blobs)
    .where(
      inArray(
        tables.blobs.sha256,
        marks.map((mark) => mark.sha!),
      ),
    );
  const bytesOf = new Map(blobs.map((b) => [b.sha256, b.bytes]));
  for (const mark of marks) {
    const bytes = bytesOf.get(mark.sha!);
    if (!bytes) {
      warn(`logo ${mark.sha} of mark ${mark.id} is not in the blob store; upload it again`);
      continue;
    }
    try {
      // Marks are what is looked for: their parts are hashed, query variants are not needed.
      logos.set(mark.id, await hashLogo(bytes, { variants: false }));
    } catch (error) {
      warn(`logo of mark ${mark.id} could not be read: ${(error as Error).message}`);
    }
  }
  return logos;
}

export interface LogoChecker {
  (listing: { images: string[] }, markId: string): Promise<ListingSignal | null>;
}

/**
 * Compares a listing's first image with the mark's logo. Works when the image is mostly the logo
 * (brand tiles, logo thumbnails), also tilted, cut off along an edge or set beside a word; a product
 * photo with a small logo on it is not detected. Each image
 * is fetched once per run, at most `maxImages` per run, so a big result page stays polite.
 */
export function logoChecker(input: {
  http: Pick<HttpClient, 'get'>;
  logos: Map<string, LogoHashes>;
  maxImages?: number;
  warn: (message: string) => void;
}): LogoChecker {
  const hashed = new Map<string, Promise<LogoHashes | null>>();
  const budget = { left: input.maxImages ?? 20 };
  const hashImage = (url: string) => {
    let pending = hashed.get(url);
    if (!pending) {
      if (budget.left <= 0) return Promise.resolve(null);
      budget.left -= 1;
      pending = input.http
        .get(url, { accept: 'image/*', maxBytes: MAX_IMAGE_BYTES })
        .then((response) => hashLogo(response.body))
        .catch((error: Error) => {
          input.warn(`listing image ${url} not compared with the logo: ${error.message}`);
          return null;
        });
      hashed.set(url, pending);
    }
    return pending;
  };
  return async (listing, markId) => {
    const logo = input.logos.get(markId);
    const image = listing.images[0];
    if (!logo || !image) return null;
    const hashes = await hashImage(image);
    if (!hashes) return null;
    const comparison = compareLogos(logo, hashes);
    if (comparison.distance > LOGO_MATCH_DISTANCE) return null;
    return {
      kind: 'logo',
      evidence: `first listing image ${image}: ${comparison.reasons[0] ?? `distance ${comparison.distance}`}`,
    };
  };
}
