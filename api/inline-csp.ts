import { createHash } from 'node:crypto';

const hashOf = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inlineBlocks = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

/**
 * Security headers for a self-contained page whose code is inline: the Content-Security-Policy
 * allows exactly the page's own <script> and <style> blocks (by SHA-256, computed from the page
 * text, so editing the page keeps the policy right) and fetches to its own origin, nothing else:
 * no other inline code, no eval, no other origin, no framing, no <base>.
 */
export function inlinePageSecurityHeaders(html: string): Record<string, string> {
  const scripts = inlineBlocks(html, 'script').map(hashOf);
  const styles = inlineBlocks(html, 'style').map(hashOf);
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
