import { Command } from 'commander';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerExtractCommand } from '../../../cli/commands/extract.ts';
import { FIXTURES } from './fixtures.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let code = -1;
  const program = new Command().exitOverride();
  registerExtractCommand(program, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    setExitCode: (value) => (code = value),
  });
  await program.parseAsync(['node', 'markhound', 'extract', ...args]);
  return { out, err, code };
}

describe('markhound extract', () => {
  it('prints a summary line then one JSON line per listing', async () => {
    const { out, code } = await run([
      path.join(FIXTURES, 'yahoo-japan/yahoo-auctions_search_ps-vita-pch-2000_2026-08.html'),
      '--url',
      'https://auctions.yahoo.co.jp/search/search/ps%20vita%20pch-2000/0/',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({
      kind: 'listings',
      site: 'yahoo-japan',
      market: 'JP',
      currency: 'JPY',
      listingCount: 20,
    });
    expect(out).toHaveLength(21);
    expect(JSON.parse(out[1] ?? '')).toMatchObject({
      listingId: 'g1241079425',
      price: 1000,
      currency: 'JPY',
    });
  });

  it('exits 0 for a blocked page and says why', async () => {
    const { out, code } = await run([
      path.join(FIXTURES, 'ebay/ebay-com_block_pardon-our-interruption_2026-07.html'),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({
      kind: 'blocked',
      listingCount: 0,
      reason: expect.stringMatching(/Pardon Our Interruption/),
    });
  });

  it('exits 2 with a clear message for a file it cannot read', async () => {
    const { err, code, out } = await run([path.join(FIXTURES, 'no-such-page.html')]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(
      /^extract: cannot read .*no-such-page\.html: ENOENT; give the path of a saved HTML file$/,
    );
  });
});
