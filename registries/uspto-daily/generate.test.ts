import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateUsptoDaily } from '../../bench/generate/uspto-daily.ts';
import type { Filing } from '../../core/filing.ts';
import { usptoDailyAdapter } from './index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'markhound-uspto-gen-'));

describe('synthetic USPTO daily generator', () => {
  it('writes a file the adapter reads back completely: 200 filings, no skips', async () => {
    const path = join(scratch, 'gen.xml');
    const { bytes } = await generateUsptoDaily(path, { records: 200, seed: 7 });
    expect(bytes).toBe(statSync(path).size);
    expect(usptoDailyAdapter.detect(readFileSync(path, 'latin1').slice(0, 8192))).toBe(true);

    const found: Filing[] = [];
    let skips = 0;
    for await (const record of usptoDailyAdapter.parse(path, { sourceName: path })) {
      if (record.kind === 'filing') found.push(record.filing);
      else skips += 1;
    }
    expect(skips).toBe(0);
    expect(found).toHaveLength(200);
    expect(new Set(found.map((f) => f.serialNumber)).size).toBe(200);
    for (const f of found) {
      expect(f.markText).toMatch(/^[A-Z]{4,}/);
      expect(f.classes.length).toBeGreaterThanOrEqual(1);
      expect(f.classes.length).toBeLessThanOrEqual(3);
      expect(f.classes.every((c) => c.goods !== null)).toBe(true);
      expect(f.applicants[0]?.country).toBe('US');
      expect(f.filingDate).toMatch(/^202[234]-\d{2}-\d{2}$/);
    }
    // Names vary: a benchmark of the matcher needs more than a handful of distinct marks.
    expect(new Set(found.map((f) => f.markText)).size).toBeGreaterThan(150);
  });

  it('is deterministic from the seed and varies with it', async () => {
    const a = join(scratch, 'a.xml');
    const b = join(scratch, 'b.xml');
    const c = join(scratch, 'c.xml');
    await generateUsptoDaily(a, { records: 20, seed: 42 });
    await generateUsptoDaily(b, { records: 20, seed: 42 });
    await generateUsptoDaily(c, { records: 20, seed: 43 });
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    expect(readFileSync(a, 'utf8')).not.toBe(readFileSync(c, 'utf8'));
  });
});
