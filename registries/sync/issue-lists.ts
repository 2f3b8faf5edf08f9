import * as cheerio from 'cheerio';
import { dayFirstDate, spelledDate } from '../gazette/index.ts';
import type { IssueRef, ListEnumeration } from '../sources/index.ts';

/**
 * Readers of the pages on which offices list their gazette issues. Both pages are HTML whose exact
 * markup was not seen from here (no network): the readers look for what any version of the page must
 * carry (links to the files, the issue's number and date in the same row) rather than for classes.
 */

/** The text of an element with its cells and blocks kept apart ("No. 41/XI/A/2026 9 November 2026"). */
function spacedText($: cheerio.CheerioAPI, el: ReturnType<cheerio.CheerioAPI>): string {
  return el
    .find('*')
    .addBack()
    .contents()
    .toArray()
    .flatMap((node) => (node.type === 'text' ? [node.data] : []))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * DJKI (`/berita-resmi/berita-resmi-merek`): each gazette is a link `/berita-resmi/{id}/download`;
 * the row (or card) holding the link names the issue and its announcement date.
 */
function djkiIssues(html: string): IssueRef[] {
  const $ = cheerio.load(html);
  const seen = new Map<string, IssueRef>();
  $('a[href]').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const id = /\/berita-resmi\/(\d+)\/download\b/.exec(href)?.[1];
    if (!id || seen.has(id)) return;
    const row = $(a).closest('tr, li, .card, article, div');
    const text = spacedText($, row);
    const date = spelledDate(text) ?? dayFirstDate(text);
    seen.set(id, { key: id, url: href, title: text.slice(0, 120), ...(date ? { date } : {}) });
  });
  return [...seen.values()];
}

/**
 * IP India (`/IPOJournal/Journal/Trademark`): one row per journal (number, date of publication) with
 * a link per part (the journal is split by class range). Parts reached through a form posting a
 * `FileName` are turned into the same request as a GET with that parameter (not verified).
 */
function ipIndiaIssues(html: string): IssueRef[] {
  const $ = cheerio.load(html);
  const out: IssueRef[] = [];
  $('tr').each((_, tr) => {
    const cells = $(tr)
      .find('td')
      .toArray()
      .map((td) => $(td).text().replace(/\s+/g, ' ').trim());
    const journal = cells.map((c) => /^(\d{3,5})$/.exec(c)?.[1]).find(Boolean);
    if (!journal) return;
    const date = dayFirstDate(cells.find((c) => /\d{2}\/\d{2}\/\d{4}/.test(c)));
    const parts: { url: string; title: string }[] = [];
    $(tr)
      .find('a[href]')
      .each((_, a) => {
        const href = $(a).attr('href') ?? '';
        if (/\.pdf\b|ViewJournal|FileName=/i.test(href)) parts.push({ url: href, title: $(a).text().trim() });
      });
    $(tr)
      .find('form')
      .each((_, form) => {
        const file = $(form).find('input[name="FileName"]').attr('value');
        const action = $(form).attr('action') ?? '/IPOJournal/Journal/ViewJournal';
        if (file)
          parts.push({
            url: `${action}?FileName=${encodeURIComponent(file)}`,
            title: $(form).text().trim() || file,
          });
      });
    parts.forEach((p, i) =>
      out.push({
        key: `${journal.padStart(5, '0')}-p${String(i + 1).padStart(2, '0')}`,
        url: p.url,
        title: `Trade Marks Journal ${journal}, ${p.title || `part ${i + 1}`}`,
        ...(date ? { date } : {}),
      }),
    );
  });
  return out;
}

export const ISSUE_LIST_READERS: Record<ListEnumeration['reader'], (html: string) => IssueRef[]> = {
  'djki-berita-resmi': djkiIssues,
  'ipindia-journals': ipIndiaIssues,
};
