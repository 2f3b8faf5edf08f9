import type { StatusCategory } from '../../core/filing.ts';
import { memoizeByText } from '../memo.ts';

/**
 * USPTO numeric status codes Markhound is sure about. Everything else stays 'unknown' rather than
 * guessed: a live mark shown as dead would silence alerts, a dead one shown as live adds noise.
 */
const USPTO_STATUS: Readonly<Record<string, StatusCategory>> = {
  '686': 'published',
  '700': 'registered',
  '701': 'registered',
  '702': 'registered',
  '703': 'registered',
  '704': 'registered',
  '800': 'registered',
  '710': 'dead',
  '711': 'dead',
  '712': 'dead',
  '713': 'dead',
  '714': 'dead',
  '900': 'dead',
};

// ST.66/ST.96 status wording used by EUIPO, WIPO and national offices; checked in order, since
// "Registration cancelled" is dead although it says "registration".
const STATUS_BY_WORDING: ReadonlyArray<readonly [RegExp, StatusCategory]> = [
  [/cancel|withdrawn|refused|rejected|expired|surrender|abandon|lapsed|invalid|revoked|ceased|dead/i, 'dead'],
  [/oppos|appeal/i, 'opposed'],
  [/registered|registration|renewed|accepted and acknowledged/i, 'registered'],
  [/publish|publication/i, 'published'],
  [/filed|application|pending|examination|received/i, 'pending'],
];

/** Coarse status from the office's status code and, failing that, its status wording. */
export function statusCategoryOf(code: string | null, text: string | null, office: string): StatusCategory {
  if (code && office === 'USPTO' && /^\d+$/.test(code)) return USPTO_STATUS[code] ?? 'unknown';
  for (const value of [code, text]) {
    if (!value) continue;
    const category = categoryByWording(value);
    if (category !== null) return category;
  }
  return 'unknown';
}

const categoryByWording = memoizeByText((value: string): StatusCategory | null => {
  for (const [pattern, category] of STATUS_BY_WORDING) if (pattern.test(value)) return category;
  return null;
});
