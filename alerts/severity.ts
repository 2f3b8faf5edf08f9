/**
 * How urgent an alert is, from what a trademark lawyer weighs first: how close the marks are, whether
 * the goods overlap, and how much of the opposition window is left. Kept as one small table-like
 * function so the rule can be read and argued with.
 */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

const levels: Severity[] = ['low', 'medium', 'high', 'critical'];

export interface SeverityInput {
  score: number;
  /** Goods and services relatedness in [0,1]; null when either side has no classes. */
  goods: number | null;
  /** Whole days from today until the deadline (negative when passed); null without a deadline. */
  daysLeft: number | null;
  /** The subject's office or market is one the brand plans to enter: a conflict there blocks the plan. */
  inPlannedMarket?: boolean;
}

export function severityOf({ score, goods, daysLeft, inPlannedMarket = false }: SeverityInput): Severity {
  let level = score >= 0.9 ? 2 : score >= 0.75 ? 1 : 0;
  if (inPlannedMarket) level += 1;
  // Same or related goods make confusion likely; unrelated goods make it unlikely (but not impossible
  // for a famous mark, so the alert stays, one level lower).
  if (goods !== null && goods >= 0.7) level += 1;
  else if (goods !== null && goods <= 0.1) level -= 1;
  // A window about to close needs action now, whatever the score.
  if (daysLeft !== null && daysLeft >= 0) {
    if (daysLeft <= 3) level = Math.max(level, 3);
    else if (daysLeft <= 14) level = Math.max(level, 2);
  }
  return levels[Math.min(3, Math.max(0, level))]!;
}
