import type { SubjectFacts } from '../db/index.ts';

/** Human sentences saying what changed in a filing between two sightings, for the alert's history. */
export function explainFilingChange(before: SubjectFacts, after: SubjectFacts): string[] {
  const changes: string[] = [];
  if (before.markText !== after.markText)
    changes.push(`mark text changed: "${before.markText ?? ''}" → "${after.markText ?? ''}"`);
  if (before.statusCode !== after.statusCode || before.statusText !== after.statusText) {
    const show = (f: SubjectFacts) => [f.statusCode, f.statusText].filter(Boolean).join(' ') || 'none';
    changes.push(`status changed: ${show(before)} → ${show(after)}`);
  }
  if (before.publicationDate !== after.publicationDate) {
    changes.push(
      `publication date changed: ${before.publicationDate ?? 'none'} → ${after.publicationDate ?? 'none'}`,
    );
  }
  const added = after.classes.filter((c) => !before.classes.includes(c));
  const removed = before.classes.filter((c) => !after.classes.includes(c));
  if (added.length) changes.push(`classes added: ${added.join(', ')}`);
  if (removed.length) changes.push(`classes removed: ${removed.join(', ')}`);
  if (before.applicants.join('|') !== after.applicants.join('|')) {
    changes.push(
      `applicant changed: ${before.applicants.join('; ') || 'none'} → ${after.applicants.join('; ') || 'none'}`,
    );
  }
  if (changes.length === 0 && before.version !== after.version)
    changes.push('filing re-published with other details changed');
  return changes;
}
