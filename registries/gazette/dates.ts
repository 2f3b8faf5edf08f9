import { isRealDay } from '../calendar-day.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy` (the offices of this folder write the day first) → `YYYY-MM-DD`. */
export function dayFirstDate(text: string | null | undefined): string | null {
  const m = /(\d{1,2})[./-](\d{1,2})[./-](\d{4})/.exec(text ?? '');
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** Month names of the gazettes read here: Indonesian (DJKI) and English. */
const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  februari: 2,
  february: 2,
  maret: 3,
  march: 3,
  april: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  agustus: 8,
  august: 8,
  september: 9,
  oktober: 10,
  october: 10,
  november: 11,
  nopember: 11,
  desember: 12,
  december: 12,
};

/** "16 NOVEMBER 2026", "3 Mei 2026" → `YYYY-MM-DD`; the first such date in the text. */
export function spelledDate(text: string): string | null {
  for (const m of text.matchAll(/(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/g)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const [day, year] = [Number(m[1]), Number(m[3])];
    if (month && isRealDay(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`;
  }
  return null;
}

/** Every spelled date in the text, in order (an announcement period has two). */
export function spelledDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/g)) {
    const date = spelledDate(m[0]);
    if (date) out.push(date);
  }
  return out;
}
