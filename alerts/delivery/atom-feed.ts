import type { FeedAlert } from './feed-alerts.ts';
import { escapeXml } from './xml-escape.ts';

export interface AtomFeedInput {
  /** Absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** Base for alert links, e.g. https://markhound.example.com. */
  baseUrl: string;
  organizationId: string;
  alerts: FeedAlert[];
  now: Date;
}

/** One entry's summary: why it alerted and the deadline with its rule. */
export function alertSummary(alert: FeedAlert): string {
  const lines = [`Severity: ${alert.severity}. Source: ${alert.source}. Status: ${alert.status}.`];
  if (alert.reasons.length > 0) lines.push(`Reasons: ${alert.reasons.join('; ')}`);
  if (alert.deadline)
    lines.push(`Deadline: ${alert.deadline}${alert.deadlineInfo ? ` (${alert.deadlineInfo.rule})` : ''}`);
  return lines.join('\n');
}

/** Atom 1.0 (RFC 4287) of the latest alerts; `updated` of the feed is that of its newest entry. */
export function renderAtomFeed(input: AtomFeedInput): string {
  const updated = input.alerts[0]?.updatedAt ?? input.now;
  const entries = input.alerts.map((alert) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${alert.id}</id>`,
      `    <title>${escapeXml(alert.title)}</title>`,
      `    <link rel="alternate" href="${escapeXml(`${input.baseUrl}/v1/alerts/${alert.id}`)}"/>`,
      `    <published>${alert.createdAt.toISOString()}</published>`,
      `    <updated>${alert.updatedAt.toISOString()}</updated>`,
      `    <category term="${escapeXml(alert.severity)}" label="severity"/>`,
      `    <summary type="text">${escapeXml(alertSummary(alert))}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${input.organizationId}</id>`,
    '  <title>Markhound alerts</title>',
    `  <link rel="self" href="${escapeXml(input.selfUrl)}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    '  <author><name>Markhound</name></author>',
    '  <generator>Markhound</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
