import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './icalendar.ts';

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newline (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds at 75 octets with CRLF and a space, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`; // 8 + 120 octets
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBe(2);
    expect(Buffer.byteLength(parts[0]!)).toBe(74); // 75 would split an é
    expect(parts[1]!.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
