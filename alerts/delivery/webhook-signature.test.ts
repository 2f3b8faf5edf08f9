import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhook-signature.ts';

describe('webhook signatures', () => {
  const now = new Date('2026-11-22T09:00:00Z');
  const body = '{"id":"1","type":"alert.created"}';

  it('signs "<t>.<body>" with HMAC-SHA256 and the unix time in seconds', () => {
    const header = signatureHeader('whsec_test', body, now);
    const expected = createHmac('sha256', 'whsec_test').update(`1795338000.${body}`).digest('hex');
    expect(header).toBe(`t=1795338000,v1=${expected}`);
    expect(verifySignature('whsec_test', body, header, now)).toEqual({ valid: true });
  });

  it('refuses a tampered body, another secret, and a replay after 5 minutes', () => {
    const header = signatureHeader('whsec_test', body, now);
    expect(verifySignature('whsec_test', body.replace('1', '2'), header, now).valid).toBe(false);
    expect(verifySignature('whsec_other', body, header, now).valid).toBe(false);
    expect(verifySignature('whsec_test', body, header, new Date(now.getTime() + 301_000)).valid).toBe(false);
    expect(verifySignature('whsec_test', body, 'garbage', now).valid).toBe(false);
  });
});
