import { describe, expect, it } from 'vitest';
import { buildChecklist, planReadiness } from './build-checklist.ts';
import type { MarketFacts, PlanFacts } from './checklist-facts.ts';
import { canonicalJson, diffChecklists } from './diff-checklist.ts';
import type { Checklist } from './types.ts';

const NOW = new Date('2026-11-22T09:00:00Z');

function market(overrides: Partial<MarketFacts> = {}): MarketFacts {
  return {
    market: {
      market: 'BR',
      office: 'INPI-BR',
      targetEntryDate: '2027-03-01',
      channels: [],
      ownFilings: [],
      priority: null,
    },
    registerSize: 10,
    marks: [{ id: 'm1', text: 'ACME', conflicts: [] }],
    ownFilings: [],
    priorityDeadline: null,
    brandWatchesOffice: true,
    officeSources: [
      {
        id: 'inpi-br-rpi',
        enabled: true,
        lastSuccessAt: '2026-11-18T12:00:00.000Z',
        lastErrorAt: null,
        lastError: null,
      },
    ],
    marketplaceWatches: [],
    oppositions: [],
    ...overrides,
  };
}

const facts = (...markets: MarketFacts[]): PlanFacts => ({
  planId: 'p1',
  brandId: 'b1',
  today: '2026-11-22',
  now: NOW,
  markets,
});
const statusOf = (c: Checklist, key: string) => c.markets[0]!.items.find((i) => i.key === key)!.status;

describe('buildChecklist', () => {
  it('is ready when every applicable item is done, with enrolment not applicable without channels', () => {
    const registered = {
      office: 'INPI-BR',
      serialNumber: '1',
      registrationNumber: '1',
      statusCategory: 'registered',
      filingDate: '2025-01-01',
      registrationDate: '2026-01-01',
      matchedBy: 'serial_number' as const,
    };
    const c = buildChecklist(facts(market({ ownFilings: [registered] })));
    expect(c.markets[0]!.items.map((i) => i.status)).toEqual([
      'done',
      'done',
      'done',
      'not_applicable',
      'done',
    ]);
    expect(c.readiness).toEqual({ level: 'ready', score: 100 });
  });

  it('puts an own filing at risk once the priority window has closed', () => {
    const m = market({
      market: { ...market().market, priority: { homeCountry: 'US', homeFilingDate: '2026-03-31' } },
      priorityDeadline: {
        date: '2026-09-30',
        unadjusted_date: '2026-09-30',
        rule: '6 months',
        moved_by: [],
        flags: [],
        sources: [],
      },
    });
    const c = buildChecklist(facts(m));
    expect(c.markets[0]!.items[1]).toMatchObject({ status: 'at_risk', due_date: '2027-03-01' });
  });

  it('reads a stale or failing source as a watch at risk, a disabled one as blocked', () => {
    const stale = market({
      officeSources: [
        {
          id: 's',
          enabled: true,
          lastSuccessAt: '2026-11-01T00:00:00.000Z',
          lastErrorAt: null,
          lastError: null,
        },
      ],
    });
    expect(statusOf(buildChecklist(facts(stale)), 'watches')).toBe('at_risk');
    const failing = market({
      officeSources: [
        {
          id: 's',
          enabled: true,
          lastSuccessAt: '2026-11-20T00:00:00.000Z',
          lastErrorAt: '2026-11-21T00:00:00.000Z',
          lastError: 'HTTP 503',
        },
      ],
    });
    expect(statusOf(buildChecklist(facts(failing)), 'watches')).toBe('at_risk');
    const disabled = market({
      officeSources: [{ id: 's', enabled: false, lastSuccessAt: null, lastErrorAt: null, lastError: null }],
    });
    expect(statusOf(buildChecklist(facts(disabled)), 'watches')).toBe('blocked');
  });

  it('blocks clearance for a brand without marks and scores readiness from the item weights', () => {
    const c = buildChecklist(facts(market({ marks: [] })));
    expect(statusOf(c, 'clearance')).toBe('blocked');
    // blocked 0, own filing pending 0.5, watches done 1, oppositions done 1 → 2.5 / 4
    expect(c.markets[0]!.readiness).toEqual({ level: 'blocked', score: 63 });
  });

  it('rates the plan by its least ready market and the mean score', () => {
    const r = planReadiness([
      {
        market: 'BR',
        office: 'INPI-BR',
        target_entry_date: '',
        readiness: { level: 'ready', score: 100 },
        items: [],
      },
      {
        market: 'ID',
        office: 'DJKI',
        target_entry_date: '',
        readiness: { level: 'at_risk', score: 51 },
        items: [],
      },
    ]);
    expect(r).toEqual({ level: 'at_risk', score: 76 });
  });
});

describe('diffChecklists', () => {
  it('sees no change in a checklist whose keys came back reordered (as jsonb does)', () => {
    const before = buildChecklist(facts(market()));
    const reordered = JSON.parse(canonicalJson(before)) as Checklist;
    expect(diffChecklists(reordered, { ...before, as_of: '2026-11-23' })).toBeNull();
  });

  it('reports the item that changed with its before and after', () => {
    const before = buildChecklist(facts(market()));
    const conflict = {
      office: 'INPI-BR',
      serialNumber: '9',
      markText: 'AKME',
      applicants: ['X'],
      classes: [25],
      statusCategory: 'published',
      score: 0.77,
      reasons: ['sounds alike'],
    };
    const after = buildChecklist(
      facts(market({ marks: [{ id: 'm1', text: 'ACME', conflicts: [conflict] }] })),
    );
    const diff = diffChecklists(before, after)!;
    expect(diff.changes.map((c) => [c.item, c.from?.status, c.to?.status])).toEqual([
      ['clearance', 'done', 'at_risk'],
    ]);
    expect(diff.readiness).toEqual({
      from: { level: 'in_progress', score: 88 },
      to: { level: 'at_risk', score: 69 },
    });
  });
});
