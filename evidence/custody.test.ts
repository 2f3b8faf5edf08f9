import { describe, expect, it } from 'vitest';
import { sha256Hex } from './blob-store.ts';
import { buildCustodyLog, checkCustodyLog, GENESIS } from './custody.ts';

const events = [
  {
    at: '2026-11-22T09:00:00.000Z',
    actor: 'system',
    action: 'captured (browser)',
    subject: 'https://shop.example/item/1',
    sha256: null,
  },
  {
    at: '2026-11-22T09:00:01.000Z',
    actor: 'system',
    action: 'stored',
    subject: 'a/page.html',
    sha256: 'ab'.repeat(32),
  },
  {
    at: '2026-11-22T10:00:00.000Z',
    actor: 'key:k1',
    action: 'packed',
    subject: 'report.pdf',
    sha256: 'cd'.repeat(32),
  },
];

describe('custody log', () => {
  it('chains each line to the SHA-256 of the line before it', () => {
    const lines = buildCustodyLog(events).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, prev: GENESIS, action: 'captured (browser)' });
    expect(JSON.parse(lines[1]!).prev).toBe(sha256Hex(lines[0]!));
    expect(JSON.parse(lines[2]!).prev).toBe(sha256Hex(lines[1]!));
    expect(checkCustodyLog(buildCustodyLog(events))).toEqual([]);
  });

  it('names the line after an edit, a removed line and a reordering', () => {
    const log = buildCustodyLog(events);
    expect(checkCustodyLog(log.replace('"actor":"key:k1"', '"actor":"key:k2"'))).toEqual([]); // last line: nothing after it links to it
    expect(checkCustodyLog(log.replace('"subject":"a/page.html"', '"subject":"b/page.html"'))).toEqual([
      expect.stringMatching(/^custody.jsonl line 3 does not link/),
    ]);
    const lines = log.trimEnd().split('\n');
    expect(checkCustodyLog([lines[0], lines[2]].join('\n'))).toEqual([
      expect.stringMatching(/line 2 has seq 3/),
      expect.stringMatching(/line 2 does not link/),
    ]);
    expect(checkCustodyLog('not json\n')).toEqual(['custody.jsonl line 1 is not JSON']);
  });
});
