/**
 * INPI writes calendar dates as `dd/mm/yyyy` (Brazilian order). They become `YYYY-MM-DD` strings,
 * never Date objects; an impossible date becomes null rather than a shifted one.
 */
export function inpiDate(raw: string | null | undefined): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw?.trim() ?? '');
  if (!match) return null;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const m = Number(month);
  const d = Number(day);
  const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > lastDay) return null;
  return `${year}-${month}-${day}`;
}
