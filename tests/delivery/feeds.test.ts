import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  link: string;
}

/** A strict XML parse (saxes throws on anything malformed) collecting the feed's entries. */
function parseAtom(xml: string): { root: string; namespace: string; entries: AtomEntry[] } {
  const parser = new SaxesParser({ xmlns: true });
  const entries: AtomEntry[] = [];
  const path: string[] = [];
  let root = '';
  let namespace = '';
  let current: Partial<AtomEntry> | null = null;
  parser.on('opentag', (tag) => {
    if (path.length === 0) {
      root = tag.local;
      namespace = tag.uri;
    }
    path.push(tag.local);
    if (tag.local === 'entry') current = {};
    if (tag.local === 'link' && current) current.link = String(tag.attributes.href?.value);
  });
  parser.on('text', (text) => {
    const field = path.at(-1) as keyof AtomEntry;
    if (current && path.at(-2) === 'entry' && ['id', 'title', 'updated', 'summary'].includes(field))
      current[field] = (current[field] ?? '') + text;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (tag.local === 'entry' && current) entries.push(current as AtomEntry);
  });
  parser.write(xml).close();
  return { root, namespace, entries };
}

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let org: TestOrg;
let other: TestOrg;
let feed: { id: string; token: string; atom_url: string; ics_url: string };
let alertWithDeadline: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx);
  org = await createOrg(ctx, 'Feed Co');
  other = await createOrg(ctx, 'Other Feed Co');
  alertWithDeadline = await seedAlert(ctx, org, {
    title: '"ACMEE" (USPTO 97000001) resembles your mark "ACME" & co <TM>',
    deadline: '2026-12-22',
    reasons: ['one letter added: ACME → ACMEE', 'same Nice class 25; goods overlap'],
  });
  ctx.clock.advanceMs(60_000);
  await seedAlert(ctx, org, {
    title: '"AKME" (EUIPO 019000002) resembles your mark "ACME"',
    source: 'EUIPO',
  });
  await seedAlert(ctx, other, { title: 'SECRET other organization alert', deadline: '2026-12-01' });
  const res = await api.request('/v1/feeds', authed(org.admin, 'POST', { name: 'legal calendar' }));
  expect(res.status).toBe(201);
  feed = (await res.json()) as typeof feed;
});
afterAll(async () => ctx.close());

describe('Atom feed', () => {
  it('is well-formed Atom 1.0 with the latest alerts, newest first, and only this organization', async () => {
    expect(feed.atom_url).toBe(`http://localhost/feeds/${feed.token}/alerts.atom`);
    const res = await api.request(`/feeds/${feed.token}/alerts.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    const atom = parseAtom(xml);
    expect(atom.root).toBe('feed');
    expect(atom.namespace).toBe('http://www.w3.org/2005/Atom');
    expect(atom.entries.map((e) => e.title)).toEqual([
      '"AKME" (EUIPO 019000002) resembles your mark "ACME"',
      '"ACMEE" (USPTO 97000001) resembles your mark "ACME" & co <TM>',
    ]);
    const withDeadline = atom.entries[1]!;
    expect(withDeadline.id).toBe(`urn:uuid:${alertWithDeadline}`);
    expect(withDeadline.updated).toBe('2026-11-22T09:00:00.000Z');
    expect(withDeadline.link).toBe(`http://localhost/v1/alerts/${alertWithDeadline}`);
    expect(withDeadline.summary).toContain(
      'Reasons: one letter added: ACME → ACMEE; same Nice class 25; goods overlap',
    );
    expect(withDeadline.summary).toContain(
      'Deadline: 2026-12-22 (USPTO: opposition within 30 days of publication (15 U.S.C. 1063))',
    );
    expect(xml).not.toContain('SECRET');
  });
});

describe('iCalendar feed', () => {
  it('has one all-day VEVENT per deadline with CRLF lines folded at 75 octets', async () => {
    const res = await api.request(`/feeds/${feed.token}/deadlines.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/); // every line ends in CRLF
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(unfolded).toContain(`UID:alert-${alertWithDeadline}@markhound`);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261222');
    expect(unfolded).toContain('DTEND;VALUE=DATE:20261223');
    expect(unfolded).toContain(
      'SUMMARY:Deadline (opposition): "ACMEE" (USPTO 97000001) resembles your mark "ACME" & co <TM>',
    );
    const description = unfolded.find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain(
      'Rule: USPTO: opposition within 30 days of publication (15 U.S.C. 1063)\\n',
    );
    expect(description).toContain(
      'Source: 15 U.S.C. § 1063(a) https://www.law.cornell.edu/uscode/text/15/1063',
    );
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // the long DESCRIPTION was folded
    expect(ics).not.toContain('SECRET');
  });
});

describe('feed tokens', () => {
  it('answers 404 for an unknown token and for a revoked one', async () => {
    expect((await api.request('/feeds/mhf_unknown/alerts.atom')).status).toBe(404);
    const created = (await (
      await api.request('/v1/feeds', authed(org.admin, 'POST', { name: 'to revoke' }))
    ).json()) as typeof feed;
    expect((await api.request(`/feeds/${created.token}/deadlines.ics`)).status).toBe(200);
    expect((await api.request(`/v1/feeds/${created.id}`, authed(org.admin, 'DELETE'))).status).toBe(204);
    expect((await api.request(`/feeds/${created.token}/deadlines.ics`)).status).toBe(404);
    expect((await api.request(`/feeds/${created.token}/alerts.atom`)).status).toBe(404);
  });
});
