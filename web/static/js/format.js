const DAY_MS = 86_400_000;

/** Whole days from today (UTC) to a YYYY-MM-DD date; negative once passed. */
export function daysLeft(date, now = new Date()) {
  if (!date) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
}

export function deadlineText(date, now) {
  const days = daysLeft(date, now);
  if (days === null) return 'no deadline';
  if (days < 0) return `${date} (passed ${-days} days ago)`;
  if (days === 0) return `${date} (today)`;
  return `${date} (${days} day${days === 1 ? '' : 's'} left)`;
}

export const dateTime = (iso) =>
  iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—';
export const percent = (score) => `${Math.round(score * 100)}%`;
export const list = (values) => (values && values.length ? values.join(', ') : '—');
