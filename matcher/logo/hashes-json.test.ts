import { siNike } from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { addWordBeside, renderIcon } from '../../tests/fixtures/logos/transforms.ts';
import { hashLogo } from './hash-logo.ts';
import { logoHashesFromJson, logoHashesToJson } from './hashes-json.ts';

describe('LogoHashes as JSON', () => {
  it('survives a round trip through JSON text with its parts, readings and variants', async () => {
    const png = await renderIcon(siNike.svg, 96);
    const hashes = await hashLogo(await addWordBeside(png, 96, 'nike'));
    expect(hashes.parts.length).toBeGreaterThan(0);
    expect(hashes.variants.length).toBeGreaterThan(0);
    const text = JSON.stringify(logoHashesToJson(hashes));
    expect(logoHashesFromJson(JSON.parse(text))).toEqual(hashes);
  });

  it('names the field and the value that is wrong', () => {
    const good = {
      dct: '0'.repeat(16),
      block: 'f'.repeat(16),
      dctMirrored: '0'.repeat(16),
      blockMirrored: '0'.repeat(16),
    };
    expect(() => logoHashesFromJson({ ...good, block: 'xyz' })).toThrow(
      'logo hashes.block is "xyz"; expected 16 hex digits',
    );
    expect(() =>
      logoHashesFromJson({ ...good, parts: [{ kind: 'blob', box: {}, dct: good.dct, block: good.block }] }),
    ).toThrow('parts[0].kind is "blob"; expected "component" or "group"');
    expect(logoHashesFromJson(good)).toMatchObject({ alternates: [], parts: [], variants: [] });
  });
});
