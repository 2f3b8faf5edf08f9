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
  const forOpposition = publications.filter(
    (p) => p.date !== null && (p.section === null || /^A\b|^A\.|oppos/i.test(p.section)),
  );
  const dates = forOpposition.map((p) => p.date as string).sort();
  return dates[0] ?? null;
}
