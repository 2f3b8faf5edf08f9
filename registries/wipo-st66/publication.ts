export interface PublicationRef {
  identifier: string | null;
  section: string | null;
  date: string | null;
}

/**
 * Date of the publication that opens the opposition window. EUIPO publishes applications in part A
 * of its bulletin and registrations in part B; only part A starts an opposition period. A
 * publication without a section (USPTO Official Gazette) is taken as the publication for
 * opposition. The earliest qualifying date wins: later part A entries are corrections.
 */
export function oppositionPublicationDate(publications: readonly PublicationRef[]): string | null {
  let earliest: string | null = null;
  for (const p of publications) {
    if (p.date === null || (p.section !== null && !OPENS_OPPOSITION.test(p.section))) continue;
    if (earliest === null || p.date < earliest) earliest = p.date;
  }
  return earliest;
}

const OPENS_OPPOSITION = /^A\b|^A\.|oppos/i;
