import { sha256Hex } from './blob-store.ts';
import type { CustodyEvent } from '../db/schema-evidence.ts';

/** One line of custody.jsonl: `prev` is the SHA-256 of the previous line's exact bytes ('0'*64 first). */
export interface CustodyEntry extends CustodyEvent {
  seq: number;
  prev: string;
}

export const GENESIS = '0'.repeat(64);

/** Chains events into JSON lines; each line commits to every line before it. */
export function buildCustodyLog(events: CustodyEvent[]): string {
  let prev = GENESIS;
  const lines: string[] = [];
  events.forEach((event, index) => {
    const entry: CustodyEntry = {
      seq: index + 1,
      at: event.at,
      actor: event.actor,
      action: event.action,
      subject: event.subject,
      sha256: event.sha256,
      prev,
    };
    const line = JSON.stringify(entry);
    lines.push(line);
    prev = sha256Hex(line);
  });
  return lines.join('\n') + '\n';
}

/** Problems found in a custody log: broken links, gaps in `seq`, lines that are not entries. */
export function checkCustodyLog(text: string): string[] {
  const problems: string[] = [];
  let prev = GENESIS;
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  lines.forEach((line, index) => {
    const where = `custody.jsonl line ${index + 1}`;
    let entry: Partial<CustodyEntry>;
    try {
      entry = JSON.parse(line) as Partial<CustodyEntry>;
    } catch {
      problems.push(`${where} is not JSON`);
      prev = sha256Hex(line);
      return;
    }
    if (entry.seq !== index + 1)
      problems.push(`${where} has seq ${String(entry.seq)}, expected ${index + 1}`);
    if (entry.prev !== prev)
      problems.push(
        `${where} does not link to the line before it (prev ${String(entry.prev)}, expected ${prev})`,
      );
    prev = sha256Hex(line);
  });
  return problems;
}
