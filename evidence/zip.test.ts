import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip.ts';

describe('zip writer', () => {
  it('writes entries that yauzl reads back byte for byte, deflated or stored', async () => {
    const text = Buffer.from('evidence '.repeat(1000));
    const random = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
    const zip = writeZip(
      [
        { path: 'a/text.txt', bytes: text },
        { path: 'shot.png', bytes: random },
        { path: 'empty', bytes: Buffer.alloc(0) },
        { path: 'ünï.json', bytes: Buffer.from('{}') },
      ],
      new Date('2026-11-22T09:00:00Z'),
    );
    expect(zip.length).toBeLessThan(text.length); // the repetitive text was deflated
    const files = await readZip(zip);
    expect([...files.keys()]).toEqual(['a/text.txt', 'shot.png', 'empty', 'ünï.json']);
    expect(files.get('a/text.txt')).toEqual(text);
    expect(files.get('shot.png')).toEqual(random);
    expect(files.get('empty')?.length).toBe(0);
  });

  it('refuses a ZIP naming one file twice and bytes that are not a ZIP', async () => {
    const twice = writeZip(
      [
        { path: 'manifest.json', bytes: Buffer.from('1') },
        { path: 'manifest.json', bytes: Buffer.from('2') },
      ],
      new Date(),
    );
    await expect(readZip(twice)).rejects.toThrow(/holds manifest.json twice/);
    await expect(readZip(Buffer.from('PK not really'))).rejects.toThrow(/not a readable ZIP/);
  });
});
