import type { MarketFacts, OwnFilingFact } from './checklist-facts.ts';
import type { ChecklistItem } from './types.ts';

/** The five checks of a market, each a pure function of the market's facts. */

/** A source that has not succeeded for this long is not watching (weekly gazettes plus slack). */
export const STALE_SOURCE_DAYS = 14;
const MS_PER_DAY = 86_400_000;

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function clearanceItem(facts: MarketFacts): ChecklistItem {
  const { office, targetEntryDate } = facts.market;
  const marks = facts.marks.map((m) => ({
    mark_id: m.id,
    text: m.text,
    conflicts: m.conflicts.map((c) => ({
      office: c.office,
      serial_number: c.serialNumber,
      mark_text: c.markText,
      applicants: c.applicants,
      classes: c.classes,
      status_category: c.statusCategory,
      score: round3(c.score),
      reasons: c.reasons,
    })),
  }));
  // Whether the office is in the register at all, not how many filings it holds: a count would
  // change the checklist (and notify) on every ingest.
  const evidence = { office_in_register: facts.registerSize > 0, marks };
  const base = { key: 'clearance' as const, due_date: targetEntryDate, evidence };
  if (facts.marks.length === 0)
    return {
      ...base,
      status: 'blocked',
      detail: 'the brand has no marks: add its marks before clearance can run',
    };
  if (facts.registerSize === 0)
    return {
      ...base,
      status: 'pending',
      detail: `no ${office} filings are in the register yet: enable and sync a ${office} source, then clearance runs by itself`,
    };
  const conflicts = facts.marks.flatMap((m) =>
    m.conflicts.map((c) => `${c.markText} (${c.serialNumber}) vs ${m.text}`),
  );
  if (conflicts.length > 0)
    return {
      ...base,
      status: 'at_risk',
      detail: `${plural(conflicts.length, 'confusable filing')} found at ${office}: ${conflicts.slice(0, 3).join('; ')}`,
    };
  return {
    ...base,
    status: 'done',
    detail: `no confusable filing found at ${office} among ${facts.registerSize} filings`,
  };
}

const isLive = (f: OwnFilingFact): boolean => f.statusCategory !== 'dead';

export function ownFilingItem(facts: MarketFacts, today: string): ChecklistItem {
  const { office, targetEntryDate, priority } = facts.market;
  const filings = facts.ownFilings.map((f) => ({
    office: f.office,
    serial_number: f.serialNumber,
    registration_number: f.registrationNumber,
    status_category: f.statusCategory,
    filing_date: f.filingDate,
    registration_date: f.registrationDate,
    matched_by: f.matchedBy,
  }));
  const priorityEvidence =
    priority && facts.priorityDeadline
      ? {
          home_country: priority.homeCountry,
          home_filing_date: priority.homeFilingDate,
          deadline: facts.priorityDeadline.date,
          unadjusted_deadline: facts.priorityDeadline.unadjusted_date,
          rule: facts.priorityDeadline.rule,
          moved_by: facts.priorityDeadline.moved_by,
          flags: facts.priorityDeadline.flags,
        }
      : null;
  const evidence = { filings, priority: priorityEvidence };
  const live = facts.ownFilings.filter(isLive);
  if (live.length > 0) {
    return {
      key: 'own_filing',
      status: 'done',
      due_date: null,
      evidence,
      detail: `own filing at ${office}: ${live.map((f) => `${f.serialNumber} (${f.statusCategory})`).join(', ')}`,
    };
  }
  if (priorityEvidence) {
    const { deadline } = priorityEvidence;
    if (deadline < today) {
      return {
        key: 'own_filing',
        status: 'at_risk',
        due_date: targetEntryDate,
        evidence,
        detail: `no own filing at ${office} and the priority window closed on ${deadline}: file now without priority`,
      };
    }
    return {
      key: 'own_filing',
      status: 'pending',
      due_date: deadline,
      evidence,
      detail: `no own filing found at ${office}; file by ${deadline} to claim priority of the ${priorityEvidence.home_country} filing of ${priorityEvidence.home_filing_date}${
        priorityEvidence.moved_by.length > 0
          ? ` (${priorityEvidence.unadjusted_deadline} moved: ${office} is closed ${priorityEvidence.moved_by.map((d) => `${d.date} ${d.name}`).join(', ')})`
          : ''
      }`,
    };
  }
  const late = targetEntryDate < today;
  return {
    key: 'own_filing',
    status: late ? 'at_risk' : 'pending',
    due_date: targetEntryDate,
    evidence,
    detail: late
      ? `no own filing at ${office} and the entry date ${targetEntryDate} has passed`
      : `no own filing found at ${office}; file before entering on ${targetEntryDate}`,
  };
}

function sourceHealthy(s: MarketFacts['officeSources'][number], now: Date): boolean {
  if (!s.enabled || !s.lastSuccessAt) return false;
  if (s.lastErrorAt && s.lastErrorAt > s.lastSuccessAt) return false;
  return now.getTime() - Date.parse(s.lastSuccessAt) <= STALE_SOURCE_DAYS * MS_PER_DAY;
}

export function watchesItem(facts: MarketFacts, now: Date): ChecklistItem {
  const { office, targetEntryDate, channels } = facts.market;
  const missingChannels = channels.filter((c) => !facts.marketplaceWatches.includes(c));
  const evidence = {
    brand_watches_office: facts.brandWatchesOffice,
    // No last_success_at here: it moves on every sync and would notify every plan each time.
    office_sources: facts.officeSources.map((s) => ({
      id: s.id,
      enabled: s.enabled,
      synced: s.lastSuccessAt !== null,
      healthy: sourceHealthy(s, now),
      last_error: s.lastError,
    })),
    marketplace_watches: facts.marketplaceWatches,
  };
  const base = { key: 'watches' as const, due_date: targetEntryDate, evidence };
  if (facts.officeSources.length === 0)
    return {
      ...base,
      status: 'blocked',
      detail: `no registry source for ${office} is installed: ${office} filings cannot be watched yet`,
    };
  const enabled = facts.officeSources.filter((s) => s.enabled);
  if (enabled.length === 0)
    return {
      ...base,
      status: 'blocked',
      detail: `the ${office} sources are disabled: enable one (markhound sources enable ID)`,
    };
  if (!facts.brandWatchesOffice)
    return {
      ...base,
      status: 'blocked',
      detail: `the brand's watched offices leave out ${office}: add it to watched_offices`,
    };
  if (missingChannels.length > 0)
    return {
      ...base,
      status: 'pending',
      detail: `no marketplace watch recorded yet for ${missingChannels.join(', ')}`,
    };
  if (enabled.some((s) => sourceHealthy(s, now)))
    return {
      ...base,
      status: 'done',
      detail: `${office} is watched and its source synced within ${STALE_SOURCE_DAYS} days`,
    };
  if (enabled.every((s) => !s.lastSuccessAt && !s.lastError))
    return {
      ...base,
      status: 'pending',
      detail: `${enabled.map((s) => s.id).join(', ')} enabled but not synced yet`,
    };
  return {
    ...base,
    status: 'at_risk',
    detail: `${office} source ${enabled.map((s) => s.id).join(', ')} failing or stale: last success ${enabled[0]?.lastSuccessAt ?? 'never'}`,
  };
}

export function enrolmentItem(facts: MarketFacts): ChecklistItem {
  const { office, targetEntryDate, channels } = facts.market;
  const registered = facts.ownFilings.find((f) => f.statusCategory === 'registered');
  const live = facts.ownFilings.filter(isLive);
  const registration = registered
    ? {
        serial_number: registered.serialNumber,
        registration_number: registered.registrationNumber,
        registration_date: registered.registrationDate,
      }
    : null;
  const evidence = { channels, registration };
  const base = { key: 'marketplace_enrolment' as const, evidence };
  if (channels.length === 0)
    return {
      ...base,
      status: 'not_applicable',
      due_date: null,
      detail: 'the plan sells on no marketplace in this market',
    };
  if (registered)
    return {
      ...base,
      status: 'done',
      due_date: null,
      detail: `registration ${registered.registrationNumber ?? registered.serialNumber} at ${office} qualifies for brand-protection programmes of ${channels.join(', ')}`,
    };
  if (live.length > 0)
    return {
      ...base,
      status: 'pending',
      due_date: targetEntryDate,
      detail: `brand-protection programmes of ${channels.join(', ')} need a registration; the ${office} filing is still ${live[0]?.statusCategory}`,
    };
  return {
    ...base,
    status: 'blocked',
    due_date: targetEntryDate,
    detail: `brand-protection programmes of ${channels.join(', ')} need a registration at ${office}; file there first`,
  };
}

export function oppositionsItem(facts: MarketFacts): ChecklistItem {
  const { office } = facts.market;
  const sorted = [...facts.oppositions].sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.alertId.localeCompare(b.alertId),
  );
  const evidence = {
    alerts: sorted.map((o) => ({
      alert_id: o.alertId,
      title: o.title,
      status: o.status,
      deadline: o.deadline,
      serial_number: o.serialNumber,
      score: round3(o.score),
    })),
  };
  const open = sorted.filter((o) => o.status === 'new' || o.status === 'reviewing');
  if (open.length === 0)
    return {
      key: 'oppositions',
      status: 'done',
      due_date: null,
      evidence,
      detail:
        sorted.length === 0
          ? `no open opposition deadline at ${office}`
          : `every opposition alert at ${office} is actioned or dismissed`,
    };
  return {
    key: 'oppositions',
    status: 'at_risk',
    due_date: open[0]!.deadline,
    evidence,
    detail: `${plural(open.length, 'conflicting filing')} at ${office} can still be opposed; the first deadline is ${open[0]!.deadline}`,
  };
}
