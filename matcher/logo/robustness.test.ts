import * as icons from 'simple-icons';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogoTransform } from '../../tests/fixtures/logos/transforms.ts';
import { applyTransform, renderIcon } from '../../tests/fixtures/logos/transforms.ts';
import { compareLogos } from './compare-logos.ts';
import type { LogoHashes } from './hash-logo.ts';
import { hashLogo } from './hash-logo.ts';
import { LogoIndex } from './logo-index.ts';

/** Real brand logos from simple-icons (CC0 / brand guidelines, see tests/fixtures/logos/README.md). */
const BRANDS = [
  icons.siNike,
  icons.siApple,
  icons.siPython,
  icons.siSpotify,
  icons.siDocker,
  icons.siMastercard,
  icons.siShell,
  icons.siAirbnb,
];
const TRANSFORMS: LogoTransform[] = ['resize', 'jpeg', 'recolour', 'invert', 'mirror', 'padding'];

describe('logo matching across copycat edits', () => {
  const originals = new Map<string, { png: Buffer; hashes: LogoHashes; svg: string }>();
  const index = new LogoIndex();

  beforeAll(async () => {
    for (const brand of BRANDS) {
      const png = await renderIcon(brand.svg, 128);
      const hashes = await hashLogo(png);
      originals.set(brand.slug, { png, hashes, svg: brand.svg });
      index.add(brand.slug, hashes);
    }
  });

  it.each(TRANSFORMS)('finds each logo first after %s', async (transform) => {
    for (const [slug, original] of originals) {
      const edited = await hashLogo(await applyTransform(transform, original.png, original.svg));
      const [best] = index.search(edited, 3);
      expect(best?.id, `${slug} after ${transform}`).toBe(slug);
      // Unrelated logos sit near 32 of 64 bits; symmetric logos (airbnb, mastercard) are the noisiest.
      expect(best?.distance, `${slug} after ${transform}`).toBeLessThanOrEqual(16);
    }
  });

  it('reports that a mirrored copy matched through its mirror image', async () => {
    const nike = originals.get('nike')!;
    const mirrored = await hashLogo(await applyTransform('mirror', nike.png, nike.svg));
    expect(index.search(mirrored, 1)[0]).toMatchObject({ id: 'nike', mirrored: true });
    const comparison = compareLogos(nike.hashes, mirrored);
    expect(comparison.mirrored).toBe(true);
    expect(comparison.similarity).toBeGreaterThan(0.8);
    expect(comparison.reasons[0]).toMatch(
      /^logo (matches|is identical in shape) after mirroring \(distance [\d.]+ of 64\)$/,
    );
  });

  it('keeps different logos far apart', () => {
    const all = [...originals.values()].map((o) => o.hashes);
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) {
        const comparison = compareLogos(all[i]!, all[j]!);
        expect(comparison.distance).toBeGreaterThan(12);
        expect(comparison.similarity).toBeLessThan(0.6);
        expect(comparison.reasons[0]).toMatch(/^logos look different/);
      }
    }
  });

  it('scores an identical logo 1 with an explanation', () => {
    const apple = originals.get('apple')!.hashes;
    expect(compareLogos(apple, apple)).toEqual({
      similarity: 1,
      distance: 0,
      mirrored: false,
      via: 'whole',
      reasons: ['logo is identical in shape (distance 0 of 64)'],
    });
  });
});
