import sharp from 'sharp';
import * as icons from 'simple-icons';
import { beforeAll, describe, expect, it } from 'vitest';
import { addWordBeside, applyTransform, renderIcon } from '../../tests/fixtures/logos/transforms.ts';
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
/** Other logos in the index, so a query has somewhere wrong to go. */
const DISTRACTORS = [
  icons.siAdidas,
  icons.siPuma,
  icons.siUnderarmour,
  icons.siAudi,
  icons.siBmw,
  icons.siFord,
  icons.siToyota,
  icons.siHonda,
  icons.siNetflix,
  icons.siYoutube,
  icons.siTwitch,
  icons.siReddit,
];
/** Not in the index at all. */
const UNRELATED = [icons.siGithub, icons.siStarbucks, icons.siMcdonalds, icons.siVisa];
const SIDE = 128;
/** compareLogos' "matches" bound: beyond it two images are reported as different logos. */
const MATCHES = 10;

const pngs = new Map<string, Buffer>();
const index = new LogoIndex();

beforeAll(async () => {
  for (const icon of [...BRANDS, ...DISTRACTORS, ...UNRELATED])
    pngs.set(icon.slug, await renderIcon(icon.svg, SIDE));
  for (const icon of [...BRANDS, ...DISTRACTORS])
    index.add(icon.slug, await hashLogo(pngs.get(icon.slug)!, { variants: false }));
});

async function query(slug: string, edit: (png: Buffer) => Promise<Buffer>): Promise<LogoHashes> {
  return hashLogo(await edit(pngs.get(slug)!));
}

describe('an icon with a word set beside it', () => {
  it('still finds its icon, through the part of the image the icon fills', async () => {
    for (const brand of BRANDS) {
      const withWord = await addWordBeside(pngs.get(brand.slug)!, SIDE, brand.slug);
      // The word is really there: the image is far wider than the icon alone.
      expect((await sharp(withWord).metadata()).width).toBeGreaterThan(SIDE * 1.5);
      const [best] = index.rank(await hashLogo(withWord), 3);
      expect(best?.id, `${brand.slug} with a word`).toBe(brand.slug);
      expect(best?.via, brand.slug).toBe('part');
      expect(best?.distance, brand.slug).toBeLessThanOrEqual(MATCHES);
      expect(best?.reasons[0], brand.slug).toMatch(
        /^logo matches a part of the other image \(the left \d+% of it\), which adds other matter beside it/,
      );
    }
  });

  it('is found when the word was stored with the icon and the query is the icon alone', async () => {
    const stored = new LogoIndex();
    for (const icon of [...BRANDS, ...DISTRACTORS]) {
      const png = pngs.get(icon.slug)!;
      stored.add(icon.slug, await hashLogo(await addWordBeside(png, SIDE, icon.slug), { variants: false }));
    }
    for (const brand of BRANDS) {
      const [best] = stored.rank(await hashLogo(pngs.get(brand.slug)!), 3);
      expect(best?.id, brand.slug).toBe(brand.slug);
      expect(best?.via, brand.slug).toBe('part');
    }
  });
});

describe('tilted and cut-off copies', () => {
  const tilted = (degrees: number) => (png: Buffer) =>
    sharp(png).rotate(degrees, { background: '#ffffff' }).png().toBuffer();
  const cut = (side: 'right' | 'top') => async (png: Buffer) => {
    const size = (await sharp(png).metadata()).width!;
    const keep = Math.round(size * 0.9);
    const region =
      side === 'right'
        ? { left: 0, top: 0, width: keep, height: size }
        : { left: 0, top: size - keep, width: size, height: keep };
    return sharp(png).extract(region).png().toBuffer();
  };

  // Symmetric logos (mastercard, shell) hash noisily, so the check is the ranking with a clear lead
  // over the next logo, not a fixed distance.
  it.each([5, -4])('finds each logo turned %i°', async (degrees) => {
    for (const brand of BRANDS) {
      const [best, next] = index.rank(await query(brand.slug, tilted(degrees)), 2);
      expect(best?.id, `${brand.slug} turned ${degrees}°`).toBe(brand.slug);
      expect(next!.distance - best!.distance, brand.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(['right', 'top'] as const)('finds each logo with a tenth cut off the %s', async (side) => {
    for (const brand of BRANDS) {
      const [best, next] = index.rank(await query(brand.slug, cut(side)), 2);
      expect(best?.id, `${brand.slug} cut on the ${side}`).toBe(brand.slug);
      expect(next!.distance - best!.distance, brand.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it('says when a turned copy matched once turned back', async () => {
    const nike = await query('nike', tilted(5));
    const [best] = index.rank(nike, 1);
    expect(best?.via).toBe('rotated');
    expect(best?.reasons[0]).toMatch(/^logo matches once one image is turned \d+(\.\d+)?° anticlockwise/);
  });
});

describe('logos that are not in the index', () => {
  it('match nothing, whether plain, with a word, turned or cut', async () => {
    for (const icon of UNRELATED) {
      const png = pngs.get(icon.slug)!;
      const edits = [
        png,
        await addWordBeside(png, SIDE, icon.slug),
        await applyTransform('rotate', png, icon.svg),
        await applyTransform('crop', png, icon.svg),
      ];
      for (const [n, image] of edits.entries()) {
        const [best] = index.rank(await hashLogo(image), 1);
        expect(best!.distance, `${icon.slug} edit ${n} against ${best!.id}`).toBeGreaterThan(MATCHES);
        expect(best!.reasons[0]).toMatch(/^logos look different/);
      }
    }
  });

  it('with a word of their own, are further from a brand with a word than its bare icon is', async () => {
    const unrelated = await Promise.all(
      UNRELATED.map(async (icon) => hashLogo(await addWordBeside(pngs.get(icon.slug)!, SIDE, icon.slug))),
    );
    for (const brand of BRANDS) {
      const png = pngs.get(brand.slug)!;
      const withWord = await hashLogo(await addWordBeside(png, SIDE, brand.slug), { variants: false });
      const own = compareLogos(withWord, await hashLogo(png)).distance;
      for (const [n, other] of unrelated.entries())
        expect(
          compareLogos(withWord, other).distance,
          `${brand.slug} vs ${UNRELATED[n]!.slug}`,
        ).toBeGreaterThan(own + 2);
    }
  });
});
