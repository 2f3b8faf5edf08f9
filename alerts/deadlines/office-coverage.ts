import { OFFICE_PROFILES } from './office-profiles.ts';
import type { HolidayHandling } from './office-profiles.ts';
import { allOfficeRules } from './offices.ts';
import { describePeriod } from './period.ts';
import type { OfficeRule } from './offices.ts';

const NULLABLE_FIELDS = [
  'opposition_days_or_months',
  'extension',
  'renewal_years',
  'grace_months',
  'non_use_years',
  'weekend_rule',
] as const;

function holidayColumn(handling: HolidayHandling): string {
  if (handling.kind === 'roll')
    return handling.sources
      ? 'rolls (office calendar; rule sourced by Markhound)'
      : 'rolls (office calendar)';
  if (handling.kind === 'no-roll') return 'not rolled (sourced caution)';
  return 'UNVERIFIED: not rolled, closed days named';
}

function oppositionColumn(rule: OfficeRule): string {
  if (rule.opposition_days_or_months === null || rule.unit === null) return 'no fixed window';
  return describePeriod(rule.opposition_days_or_months, rule.unit);
}

function gapsColumn(rule: OfficeRule): string {
  const gaps: string[] = NULLABLE_FIELDS.filter((field) => rule[field] === null);
  const renewal = OFFICE_PROFILES[rule.code].renewal;
  if (renewal?.assumedAnchorReason) gaps.push(`renewal anchor assumed (${renewal.anchor})`);
  if (renewal?.hijriApproximationMonths !== undefined) gaps.push('Hijri term (approximated)');
  return gaps.length > 0 ? gaps.join(', ') : '-';
}

/** The office table of README.md, generated from rules.json and the profiles (a test keeps them equal). */
export function officeCoverageMarkdown(): string {
  const header = [
    '| code | office (rules.json) | opposition | weekend/holiday handling | not sourced |',
    '| --- | --- | --- | --- | --- |',
  ];
  const rows = allOfficeRules().map(
    (rule) =>
      `| ${rule.code} | ${rule.office} | ${oppositionColumn(rule)} | ${holidayColumn(OFFICE_PROFILES[rule.code].holidays)} | ${gapsColumn(rule)} |`,
  );
  return [...header, ...rows].join('\n');
}
