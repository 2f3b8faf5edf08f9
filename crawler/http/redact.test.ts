import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact.ts';

describe('redactUrl', () => {
  it('replaces secret query values and keeps the others', () => {
    expect(redactUrl('https://api.example.org/v1/marks?q=acme&key=SECRET&page=2')).toBe(
      'https://api.example.org/v1/marks?q=acme&key=REDACTED&page=2',
    );
  });

  it('knows the usual names of API keys, tokens and signatures', () => {
    const redacted = redactUrl(
      'https://x.example/?api_key=a1&access_token=b2&token=c3&X-Amz-Signature=d4&apikey=e5&keyword=shoes',
    );
    expect(redacted).not.toMatch(/a1|b2|c3|d4|e5/);
    expect(redacted).toContain('keyword=shoes');
  });

  it('knows camelCase and PascalCase key names (KIPRIS ServiceKey, accessKey) without hiding look-alikes', () => {
    const redacted = redactUrl(
      'https://plus.kipris.or.kr/api?ServiceKey=k1&accessKey=k2&apiToken=k3&monkey=banana&turkey=1',
    );
    expect(redacted).not.toMatch(/k1|k2|k3/);
    expect(redacted).toContain('monkey=banana');
    expect(redacted).toContain('turkey=1');
  });

  it('redacts tokens in the fragment', () => {
    expect(redactUrl('https://app.example/cb#access_token=abc&state=1')).toBe(
      'https://app.example/cb#access_token=REDACTED&state=1',
    );
  });

  it('hides user and password in the URL', () => {
    expect(redactUrl('https://bob:hunter2@example.org/file.zip')).toBe(
      'https://REDACTED:REDACTED@example.org/file.zip',
    );
  });

  it('redacts text that is not a valid URL too', () => {
    expect(redactUrl('not a url ?token=abc&x=1')).toBe('not a url ?token=REDACTED&x=1');
  });
});
