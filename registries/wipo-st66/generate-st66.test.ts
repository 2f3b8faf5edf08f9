import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSt66 } from '../../bench/generate/st66.ts';
import type { Filing } from '../../core/filing.ts';
import { wipoSt66Adapter } from './index.ts';

async function parseAll(path: string): Promise<{ filings: Filing[]; skips: number }> {
  const filings: Filing[] = [];
  let skips = 0;
  for await (const record of wipoSt66Adapter.parse(path, { sourceName: path })) {
    if (record.kind === 'filing') filings.push(record.filing);
    else skips += 1;
  }
  return { filings, skips };
}

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('synthetic ST.66 generator (bench/generate/st66.ts)', () => {
  it('writes 200 EUIPO-like records that all parse back through the adapter', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-st66-'));
    const path = join(dir, 'synthetic.xml');
    const { bytes } = await generateSt66(path, { records: 200, seed: 42 });
    expect(bytes).toBe((await readFile(path)).length);
    const { filings, skips } = await parseAll(path);
    expect(skips).toBe(0);
    expect(filings).toHaveLength(200);
    expect(new Set(filings.map((f) => f.serialNumber)).size).toBe(200);
    expect(
      filings.every(
        (f) => f.office === 'EUIPO' && f.classes.length > 0 && f.applicants.length === 1 && f.filingDate,
      ),
    ).toBe(true);
    // Varied data: several mark kinds and statuses, many distinct names.
    expect(new Set(filings.map((f) => f.markKind)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(filings.map((f) => f.statusCategory)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(filings.map((f) => f.markText)).size).toBeGreaterThan(100);
  });

  it('is deterministic from the seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-st66-'));
    const [a, b, c] = ['a.xml', 'b.xml', 'c.xml'].map((n) => join(dir, n)) as [string, string, string];
    await generateSt66(a, { records: 30, seed: 7 });
    await generateSt66(b, { records: 30, seed: 7 });
    await generateSt66(c, { records: 30, seed: 8 });
    expect(await sha(a)).toBe(await sha(b));
    expect(await sha(a)).not.toBe(await sha(c));
  });
});
