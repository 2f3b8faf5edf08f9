import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { siNike } from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/index.ts';
import { renderIcon } from '../../tests/fixtures/logos/transforms.ts';
import { hashLogo } from './hash-logo.ts';
import { hammingDistance } from './hash64.ts';
import { NORMALIZED_SIDE, normalizeLogo } from './normalize-logo.ts';

const fixture = (name: string) => readFile(new URL(`../../tests/fixtures/logos/${name}`, import.meta.url));

describe('normalizeLogo', () => {
  it('refuses a PNG whose header declares 100000×100000 pixels, naming the limit', async () => {
    const bomb = await fixture('bomb-100000x100000.png');
    const refusal = normalizeLogo(bomb);
    await expect(refusal).rejects.toBeInstanceOf(InputFormatError);
    await expect(refusal).rejects.toThrow(
      /100000×100000 = 10000000000 pixels, over the limit of 40000000 pixels \(maxPixels\)/,
    );
  });

  it('refuses an SVG that declares a huge canvas before rendering it', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="90000"><rect width="9" height="9"/></svg>',
    );
    await expect(normalizeLogo(svg)).rejects.toThrow(/90000×90000 .* over the limit of 40000000 pixels/);
  });

  it('refuses a file over the byte limit without decoding it', async () => {
    const png = await renderIcon(siNike.svg, 64);
    await expect(normalizeLogo(png, { maxBytes: 100, maxPixels: 1e6 })).rejects.toThrow(
      new RegExp(`logo image is ${png.length} bytes, over the limit of 100 bytes \\(maxBytes\\)`),
    );
  });

  it('reports truncated and non-image files as InputFormatError', async () => {
    await expect(normalizeLogo(await fixture('truncated.png'))).rejects.toBeInstanceOf(InputFormatError);
    await expect(normalizeLogo(Buffer.from('this is not an image'))).rejects.toThrow(/not a readable image/);
  });

  it('refuses formats that are not accepted', async () => {
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .tiff()
      .toBuffer();
    await expect(normalizeLogo(tiff)).rejects.toThrow(/format "tiff" is not accepted/);
  });

  it('produces a fixed-size square, dark ink on light paper, trimmed with a margin', async () => {
    // Committed fixture: a 16×16 checkerboard of 4-pixel squares, white in the top-left. Its frame is
    // half black, and a tie in the frame median goes to the darker tone, so it is inverted.
    const logo = await normalizeLogo(await fixture('checkerboard-16.png'));
    expect(logo.inverted).toBe(true);
    expect(logo.side).toBe(NORMALIZED_SIDE);
    expect(logo.pixels.length).toBe(NORMALIZED_SIDE * NORMALIZED_SIDE);
    expect(logo.source).toEqual({ format: 'png', width: 16, height: 16 });
    expect(logo.pixels[0]).toBe(255); // margin corner is paper
    expect(logo.pixels[10 * 64 + 10]).toBeLessThan(40); // inside the first black square
  });

  it('turns a light-on-dark logo into dark-on-light and hashes it like the original', async () => {
    const png = await renderIcon(siNike.svg, 128);
    const negative = await sharp(png).negate({ alpha: false }).png().toBuffer();
    const [a, b] = await Promise.all([normalizeLogo(png), normalizeLogo(negative)]);
    expect(a.inverted).toBe(false);
    expect(b.inverted).toBe(true);
    expect((await hashLogo(negative)).dct).toBe((await hashLogo(png)).dct);
  });

  it('keeps a white logo on a transparent ground visible, hashing like the black one', async () => {
    const onTransparent = (fill: string) =>
      sharp(Buffer.from(siNike.svg.replace('<svg ', `<svg fill="${fill}" `)), { density: 384 })
        .png()
        .toBuffer();
    const [black, white] = await Promise.all([onTransparent('#000000'), onTransparent('#ffffff')]);
    expect((await sharp(white).metadata()).hasAlpha).toBe(true);
    const whiteLogo = await normalizeLogo(white);
    expect(whiteLogo.inverted).toBe(true);
    expect((await hashLogo(white)).dct).toBe((await hashLogo(black)).dct);
  });

  it('accepts SVG, WebP and the first frame of a GIF, all hashing close to the PNG', async () => {
    const png = await renderIcon(siNike.svg, 96);
    const reference = await hashLogo(png);
    const webp = await sharp(png).webp().toBuffer();
    const gif = await sharp(png).gif().toBuffer();
    for (const bytes of [Buffer.from(siNike.svg), webp, gif]) {
      expect(hammingDistance((await hashLogo(bytes)).dct, reference.dct)).toBeLessThanOrEqual(6);
    }
    expect((await normalizeLogo(Buffer.from(siNike.svg))).source.format).toBe('svg');
  });
});
