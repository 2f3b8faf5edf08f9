import type { FeedAlert } from './feed-alerts.ts';
import { escapeXml } from './xml-escape.ts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const severityLabel = (severity: string): string => severity.charAt(0).toUpperCase() + severity.slice(1);
const alertUrl = (baseUrl: string, alert: FeedAlert): string => `${baseUrl}/v1/alerts/${alert.id}`;

function alertLines(alert: FeedAlert, baseUrl: string): string[] {
  const lines = [
    alert.title,
    `Severity: ${alert.severity}   Source: ${alert.source}   Score: ${alert.score.toFixed(2)}`,
  ];
  for (const reason of alert.reasons) lines.push(`- ${reason}`);
  if (alert.deadline)
    lines.push(`Deadline: ${alert.deadline}${alert.deadlineInfo ? ` (${alert.deadlineInfo.rule})` : ''}`);
  lines.push(alertUrl(baseUrl, alert));
  return lines;
}

function htmlOf(heading: string, blocks: string[][]): string {
  const body = blocks.map((lines) => `<p>${lines.map(escapeXml).join('<br>\n')}</p>`).join('\n');
  return `<!doctype html>\n<html><body style="font-family:sans-serif">\n<h2>${escapeXml(heading)}</h2>\n${body}\n</body></html>\n`;
}

/** Sent at once for a high or critical alert. The title names the mark and the office. */
export function immediateAlertMail(alert: FeedAlert, baseUrl: string): MailContent {
  const subject = `[Markhound] ${severityLabel(alert.severity)} alert: ${alert.title}`;
  const lines = alertLines(alert, baseUrl);
  return { subject, text: `${lines.join('\n')}\n`, html: htmlOf(subject, [lines]) };
}

export function reminderMail(
  alert: FeedAlert,
  daysBefore: number,
  deadline: string,
  baseUrl: string,
): MailContent {
  const when = daysBefore === 0 ? 'today' : daysBefore === 1 ? 'in 1 day' : `in ${daysBefore} days`;
  const subject = `[Markhound] Deadline ${deadline} (${when}): ${alert.title}`;
  const lines = [`The deadline of this alert is ${deadline}, ${when}.`, ...alertLines(alert, baseUrl)];
  return { subject, text: `${lines.join('\n')}\n`, html: htmlOf(subject, [lines]) };
}

export function digestMail(alerts: FeedAlert[], localDate: string, baseUrl: string): MailContent {
  const subject = `[Markhound] Daily digest ${localDate}: ${alerts.length} new alert${alerts.length === 1 ? '' : 's'}`;
  const blocks = alerts.map((alert) => alertLines(alert, baseUrl));
  return {
    subject,
    text: `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`,
    html: htmlOf(subject, blocks),
  };
}
