import type { FeedAlert } from './feed-alerts.ts';

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/**
 * RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma, and every line break (CRLF, LF or a
 * bare CR) as `\n`. Other control characters are not allowed in TEXT and are dropped: a bare CR in
 * a filing's mark text would otherwise end the line for many parsers and start a property of the
 * attacker's choosing (ATTENDEE, a second VEVENT).
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : '')); // controls except HTAB (none left of CR/LF)
}

/**
 * RFC 5545 §3.1 folding: lines longer than 75 octets continue on the next line after CRLF and one
 * space. Splits only between characters, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const basicDate = (date: string): string => date.replaceAll('-', '');
const basicDateTime = (at: Date): string =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function describe(alert: FeedAlert): string {
  const info = alert.deadlineInfo;
  const lines = [alert.title, `Severity: ${alert.severity}. Status: ${alert.status}.`];
  if (info) {
    lines.push(`Rule: ${info.rule}`);
    for (const source of info.sources)
      lines.push(`Source: ${source.citation}${source.url ? ` ${source.url}` : ''}`);
    if (!info.verified) lines.push('This deadline is computed and not verified with the office: check it.');
  }
  return lines.join('\n');
}

function vevent(alert: FeedAlert, baseUrl: string): string[] {
  const date = alert.deadline!;
  return [
    'BEGIN:VEVENT',
    // Stable per alert: a calendar app updates the event when the deadline moves instead of adding one.
    `UID:alert-${alert.id}@markhound`,
    `DTSTAMP:${basicDateTime(alert.updatedAt)}`,
    `LAST-MODIFIED:${basicDateTime(alert.updatedAt)}`,
    `DTSTART;VALUE=DATE:${basicDate(date)}`,
    `DTEND;VALUE=DATE:${basicDate(nextDay(date))}`,
    `SUMMARY:${escapeText(`Deadline (${alert.deadlineInfo?.kind ?? 'deadline'}): ${alert.title}`)}`,
    `DESCRIPTION:${escapeText(describe(alert))}`,
    `URL:${baseUrl}/v1/alerts/${alert.id}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** An RFC 5545 calendar with one all-day event per alert deadline (CRLF line ends, folded lines). */
export function renderDeadlineCalendar(alerts: FeedAlert[], baseUrl: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Markhound//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Markhound deadlines',
    ...alerts.filter((alert) => alert.deadline).flatMap((alert) => vevent(alert, baseUrl)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
