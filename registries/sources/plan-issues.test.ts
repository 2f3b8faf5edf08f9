import { describe, expect, it } from 'vitest';
import { findSourceDefinition } from './definitions.ts';
import { issueUrl } from './issue-url.ts';
import { issuesBehind, planIssues } from './plan-issues.ts';
import { advanceCursor } from './source-state.ts';
import type { SourceDefinition } from './definition.ts';

const def = (id: string): SourceDefinition => {
  const found = findSourceDefinition(id);
  if (!found) throw new Error(`no definition ${id}`);
  return found;
};
const uspto = def('uspto-daily');
const inpi = def('inpi-br-rpi');
const now = new Date('2026-11-22T09:00:00Z');

describe('planIssues', () => {
  it('lists the days after the cursor up to yesterday (the USPTO file of day D appears on D + 1)', () => {
    expect(planIssues(uspto, {}, { last: '2026-11-18', issues: {} }, now).map((i) => i.key)).toEqual([
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ]);
  });

  it('bounds a long catch-up to maxIssuesPerRun, oldest first', () => {
    const plan = planIssues(uspto, { maxIssuesPerRun: 2 }, { last: '2026-10-01', issues: {} }, now);
    expect(plan.map((i) => i.key)).toEqual(['2026-10-02', '2026-10-03']);
  });

  it('starts an empty cursor at the latest due day, or at settings.startDate', () => {
    expect(planIssues(uspto, {}, { issues: {} }, now).map((i) => i.key)).toEqual(['2026-11-21']);
    expect(planIssues(uspto, { startDate: '2026-11-20' }, { issues: {} }, now).map((i) => i.key)).toEqual([
      '2026-11-20',
      '2026-11-21',
    ]);
  });

  it('is empty when the cursor is at the latest due day', () => {
    expect(planIssues(uspto, {}, { last: '2026-11-21', issues: {} }, now)).toEqual([]);
  });

  it('probes the next gazette numbers after the cursor', () => {
    expect(
      planIssues(inpi, { maxIssuesPerRun: 3 }, { last: '2601', issues: {} }, now).map((i) => i.issue),
    ).toEqual([2602, 2603, 2604]);
  });

  it('estimates the current gazette from the anchor (2601 on 2020-11-17, weekly)', () => {
    // 2020-11-17 to 2026-11-22 is 2196 days: 313 whole weeks.
    expect(planIssues(inpi, { maxIssuesPerRun: 1 }, { issues: {} }, now)[0]?.issue).toBe(2914);
    expect(issuesBehind(inpi, { last: '2910', issues: {} }, now)).toBe(4);
  });

  it('counts how many days a date source is behind', () => {
    expect(issuesBehind(uspto, { last: '2026-11-18', issues: {} }, now)).toBe(3);
    expect(issuesBehind(uspto, { issues: {} }, now)).toBeNull();
  });
});

describe('issueUrl', () => {
  it('names the USPTO daily file apcYYMMDD.zip', () => {
    expect(issueUrl(uspto, {}, { key: '2026-11-21', date: '2026-11-21' })).toBe(
      'https://api.uspto.gov/api/v1/datasets/products/files/TRTDXFAP/apc261121.zip',
    );
  });

  it('names the INPI gazette RM{numero}.zip, under an operator base URL when set', () => {
    expect(issueUrl(inpi, {}, { key: '2601', issue: 2601 })).toBe(
      'https://revistas.inpi.gov.br/txt/RM2601.zip',
    );
    expect(issueUrl(inpi, { baseUrl: 'http://mirror.example/rpi/' }, { key: '2601', issue: 2601 })).toBe(
      'http://mirror.example/rpi/RM2601.zip',
    );
  });

  it('puts the KIPRIS key from config into the query, and names the variable when it is missing', () => {
    const kipris = def('kipris-trademarks');
    const url = issueUrl(kipris, {}, { key: '2026-11-21', date: '2026-11-21' }, { kiprisApiKey: 'k+y' });
    expect(url).toContain('applicationDate=20261121~20261121');
    expect(url).toContain('ServiceKey=k%2By');
    expect(() => issueUrl(kipris, {}, { key: '2026-11-21', date: '2026-11-21' })).toThrow(/KIPRIS_API_KEY/);
  });

  it('asks for a base URL when the office has no public HTTP endpoint', () => {
    expect(() => issueUrl(def('euipo-st66'), {}, { key: '2026-11-21', date: '2026-11-21' })).toThrow(
      /--base-url/,
    );
  });
});

describe('advanceCursor', () => {
  it('moves last forward only, and keeps the newest 30 issue states', () => {
    let cursor = { issues: {} } as Parameters<typeof advanceCursor>[0];
    for (let n = 1; n <= 35; n += 1)
      cursor = advanceCursor(cursor, String(2600 + n), { outcome: 'ingested', at: 'x' });
    expect(cursor.last).toBe('2635');
    expect(Object.keys(cursor.issues)).toHaveLength(30);
    expect(cursor.issues['2605']).toBeUndefined();
    expect(advanceCursor(cursor, '2620', { outcome: 'ingested', at: 'y' }).last).toBe('2635');
  });
});
