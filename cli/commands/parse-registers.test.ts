import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeGazette, SAMPLE_ENTRIES } from '../../tests/fixtures/registries/djki/make-gazette.ts';
import {
  makeJournalPart,
  SAMPLE_JOURNAL_ENTRIES,
} from '../../tests/fixtures/registries/ipindia/make-journal-part.ts';
import { detailPage, VN_RECORD } from '../../tests/fixtures/registries/wipo-publish/make-detail-page.ts';
import { parseFileToJsonLines } from './parse.ts';

// `markhound parse` on the target markets' publications: detected, or named with --format.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-parse-reg-'));
  await writeFile(join(dir, 'VN4202699001.html'), detailPage(VN_RECORD));
  await writeFile(join(dir, 'brm-48.pdf'), await makeGazette(SAMPLE_ENTRIES));
  await writeFile(join(dir, 'tmj-2170-class-35.pdf'), await makeJournalPart(SAMPLE_JOURNAL_ENTRIES));
});

async function parse(path: string, format?: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  const lines: string[] = [];
  out.on('data', (c: Buffer) => lines.push(c.toString()));
  const summary = await parseFileToJsonLines({ path, ...(format ? { format } : {}) }, out, err);
  const filings = lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { summary, filings };
}

describe('markhound parse on gazettes and portals', () => {
  it.each([
    ['VN4202699001.html', 'wipo-publish', 'NOIP', ['4-2026-99001']],
    ['brm-48.pdf', 'djki-gazette', 'DJKI', ['DID2026081234', 'DID2026081301', 'JID2026081422']],
    ['tmj-2170-class-35.pdf', 'ipindia-journal', 'IPINDIA', ['6712345', '6712399', '6712410']],
  ])('detects and reads %s as %s', async (file, format, office, serials) => {
    const { summary, filings } = await parse(join(dir, file));
    expect(summary).toMatchObject({ format, filings: serials.length, skips: 0 });
    expect(filings.map((f) => f.serialNumber)).toEqual(serials);
    expect(new Set(filings.map((f) => f.office))).toEqual(new Set([office]));
  });

  it('takes --format too, and says plainly when a file is not that format', async () => {
    expect((await parse(join(dir, 'brm-48.pdf'), 'djki-gazette')).summary.filings).toBe(3);
    await expect(parse(join(dir, 'VN4202699001.html'), 'djki-gazette')).rejects.toThrow(
      /cannot parse .*VN4202699001\.html \(format djki-gazette\) after 0 filings: .*is not a PDF/,
    );
  });
});
