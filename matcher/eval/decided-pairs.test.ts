import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDecidedFiles, type DecidedPair } from './decided-pairs.ts';
import { loadDecidedPairs } from './load-decided.ts';

const good: DecidedPair = {
  id: 'eu-gc-T-300-20',
  earlier: 'ACÚSTIC',
  later: 'ACCUSÌ',
  earlier_kind: 'word',
  later_kind: 'word',
  goods_relation: 'unknown',
  confusion: true,
  tribunal: 'EU General Court',
  jurisdiction: 'EU',
  date: '2021-04-28',
  citation: 'T-300/20 Nosio v EUIPO – Tros del Beto (ACCUSÌ)',
  url: 'https://curia.europa.eu/juris/document/document.jsf?docid=240512',
  evidence:
    'Application for the EU word mark ACCUSÌ – Earlier EU word mark ACÚSTIC – Likelihood of confusion',
  checked: 'header and parties read',
  kinds: ['phonetic'],
  close_call: true,
};

function file(name: string, rows: unknown[]) {
  return { name, text: JSON.stringify(rows) };
}

function problemsOf(rows: unknown[]): string {
  try {
    parseDecidedFiles([file('eu.json', rows)]);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('decided pairs committed in tests/fixtures/matcher/decided', () => {
  it('every file passes the schema, ids are unique across files, and each row gets its split', () => {
    const pairs = loadDecidedPairs();
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(['train', 'dev', 'test']).toContain(pair.split);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
  });
});

describe('decided pair schema', () => {
  it('accepts a complete row and attaches the split from tribunal and year', () => {
    const [pair] = parseDecidedFiles([file('eu.json', [good])]);
    expect(pair).toMatchObject({ id: 'eu-gc-T-300-20', source: 'eu.json', split: 'dev' });
  });

  it('refuses a row without its evidence, naming file, row, id and field', () => {
    const { evidence: _evidence, ...withoutEvidence } = good;
    expect(problemsOf([withoutEvidence])).toMatch(
      /eu\.json row 0 \(eu-gc-T-300-20\): field evidence .*\(missing\)/,
    );
  });

  it('refuses an unknown tribunal, an impossible date and a mistyped field', () => {
    const message = problemsOf([
      { ...good, id: 'eu-gc-a-1', tribunal: 'General Court' },
      { ...good, id: 'eu-gc-a-2', date: '2021-02-30' },
      { ...good, id: 'eu-gc-a-3', confussion: false },
    ]);
    expect(message).toMatch(/row 0 \(eu-gc-a-1\): field tribunal .*"General Court"/);
    expect(message).toMatch(/row 1 \(eu-gc-a-2\): field date is not a calendar date/);
    expect(message).toMatch(/row 2 \(eu-gc-a-3\): .*confussion/);
    expect(message).toMatch(/^3 problem/);
  });

  it('accepts other:<name> tribunals and refuses a bare other:', () => {
    expect(problemsOf([{ ...good, tribunal: 'other:OHIM Cancellation Division' }])).toBe('');
    expect(problemsOf([{ ...good, tribunal: 'other:' }])).toMatch(/field tribunal/);
  });

  it('refuses an id used twice, even in two files', () => {
    expect(() => parseDecidedFiles([file('eu.json', [good]), file('world.json', [good])])).toThrow(
      /world\.json row 0 \(eu-gc-T-300-20\): id eu-gc-T-300-20 is already used in eu\.json row 0/,
    );
  });

  it('keeps a row whose earlier and later marks are the same word only with a note', () => {
    const same = { ...good, earlier: 'WE', later: 'we' };
    expect(problemsOf([same])).toMatch(/field later is the same as earlier/);
    expect(problemsOf([{ ...same, note: 'the later mark is a stylised WE' }])).toBe('');
  });

  it('refuses a file that is not an array of rows', () => {
    expect(() => parseDecidedFiles([{ name: 'eu.json', text: '{"id": 1}' }])).toThrow(
      /eu\.json: must hold a JSON array/,
    );
    expect(() => parseDecidedFiles([{ name: 'eu.json', text: '[{' }])).toThrow(/eu\.json: not valid JSON/);
  });
});

describe('loadDecidedPairs', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every json file of the folder, a new group included, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'decided-'));
    writeFileSync(join(dir, 'eu.json'), JSON.stringify([good]));
    writeFileSync(
      join(dir, 'world.json'),
      JSON.stringify([{ ...good, id: 'uk-ipo-O-1-19', tribunal: 'UK IPO', jurisdiction: 'GB' }]),
    );
    writeFileSync(join(dir, 'README.md'), '# not data');
    const pairs = loadDecidedPairs(dir);
    expect(pairs.map((pair) => [pair.source, pair.id, pair.split])).toEqual([
      ['eu.json', 'eu-gc-T-300-20', 'dev'],
      ['world.json', 'uk-ipo-O-1-19', 'test'],
    ]);
  });
});
