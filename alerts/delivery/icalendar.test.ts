import { describe, expect, it } from 'vitest';
import type { FeedAlert } from './feed-alerts.ts';
import { escapeText, foldLine, renderDeadlineCalendar } from './icalendar.ts';

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

  it('turns a bare CR (and CRLF) into an escaped newline, and drops other control characters', () => {
    expect(escapeText('a\rb')).toBe('a\\nb');
    expect(escapeText('a\r\nb\n\rc')).toBe('a\\nb\\n\\nc');
    expect(escapeText('tab\tok\u0000\u0007\u001b\u007fend')).toBe('tab\tokend');
  });

  it('keeps a mark text with a bare CR from starting a property of its own in the calendar', () => {
    const alert = {
      id: '6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10',
      title: 'ACME\rATTENDEE:mailto:attacker@example.com\rX-INJECTED:1',
      severity: 'high',
      status: 'new',
      deadline: '2027-01-15',
      deadlineInfo: null,
      updatedAt: new Date('2026-11-22T09:00:00Z'),
    } as unknown as FeedAlert;
    const calendar = renderDeadlineCalendar([alert], 'https://markhound.example');
    // Every line break is CRLF: no CR without LF, no LF without CR.
    expect(calendar.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const unfolded = calendar.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded.some((line) => /^(ATTENDEE|X-INJECTED)/.test(line))).toBe(false);
    expect(unfolded.find((line) => line.startsWith('SUMMARY:'))).toContain(
      'ACME\\nATTENDEE:mailto:attacker@example.com\\nX-INJECTED:1',
    );
  });
});
