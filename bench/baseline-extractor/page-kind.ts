import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { PageKind } from '../../core/index.ts';

export interface Interstitial {
  kind: Extract<PageKind, 'blocked' | 'shell' | 'error'>;
  reason: string;
}

// Bot challenges and captchas, matched on <title> (strong evidence on any page).
const BLOCK_TITLES: [RegExp, string][] = [
  [/pardon our interruption/i, 'bot challenge "Pardon Our Interruption" (eBay / Distil)'],
  [/robot check/i, 'Amazon "Robot Check" captcha'],
  [/^just a moment/i, 'Cloudflare "Just a moment" challenge'],
  [/attention required!? \| cloudflare/i, 'Cloudflare "Attention Required" block'],
  [/access to this page has been denied/i, 'PerimeterX access denied'],
  [/^access denied$/i, 'Access Denied (Akamai-style block)'],
  [/are you a human|human verification|verify you are human/i, 'human verification challenge'],
  [/^captcha|security check|验证码|安全验证/i, 'captcha page'],
];

// Markup of challenge pages; only trusted on pages with little visible text, since product pages
// can mention the same vendor scripts.
const BLOCK_MARKERS: [RegExp, string][] = [
  [
    /\/errors\/validateCaptcha|Enter the characters you see below|api-services-support@amazon\.com/i,
    'Amazon captcha',
  ],
  [/cf-browser-verification|cf_chl_opt|challenge-platform|cf-challenge/i, 'Cloudflare challenge'],
  [/px-captcha|_pxCaptcha|Press &amp; Hold|Press & Hold/i, 'PerimeterX "Press & Hold" challenge'],
  [
    /_{3,}tmd_{3,}\/punish|x5secdata|baxia-punish|nc_1_n1z|punish\?/i,
    'Alibaba slider "punish" page (AliExpress / Taobao)',
  ],
  [/captcha-delivery\.com|datadome/i, 'DataDome captcha'],
  [/You don't have permission to access[\s\S]{0,200}Reference #/i, 'Akamai access denied'],
  [/g-recaptcha|h-captcha|hcaptcha\.com/i, 'captcha form'],
  [/verify\/traffic|anti-crawler|antibot/i, 'anti-bot traffic verification'],
];

const ERROR_TEXT =
  /page not found|page (?:you requested )?(?:cannot|could not|can't) be found|something went wrong|we couldn'?t find (?:this|that) page|404 not found|página não encontrada|página no encontrada|halaman tidak ditemukan|ページが見つかりません|お探しのページ|页面不存在|找不到页面|this (?:item|listing) (?:is no longer available|has been removed|was not found)/i;

const SHELL_TEXT =
  /enable javascript|javascript (?:is )?(?:required|disabled)|requires javascript|aktifkan javascript|ative o javascript|javascriptを有効/i;

/** A bot challenge recognised by its <title>: strong enough to trust on any page. */
export function blockedByTitle($: CheerioAPI): Interstitial | null {
  const title = $('title').first().text().trim();
  for (const [pattern, reason] of BLOCK_TITLES) if (pattern.test(title)) return { kind: 'blocked', reason };
  return null;
}

/**
 * Says why a page that yielded no listings has none: a challenge (by its markup), a JavaScript
 * shell, or an error page. Only asked after extraction found nothing, because real product pages
 * can embed the same challenge scripts (the Taobao sample carries a hidden "baxia" login dialog).
 */
export function classifyEmptyPage($: CheerioAPI, html: string): Interstitial | null {
  const visible = visibleText($, 4000);
  if (visible.length < 3000) {
    for (const [pattern, reason] of BLOCK_MARKERS) if (pattern.test(html)) return { kind: 'blocked', reason };
  }
  if (visible.length < 400 && hasAppShell($, html)) {
    return {
      kind: 'shell',
      reason: `JavaScript application shell: ${visible.length} characters of visible text and no server-rendered data; render it in a browser`,
    };
  }
  return classifyErrorPage($, visible);
}

/** An error page served with status 200: a "not found" or "something went wrong" title or heading. */
function classifyErrorPage($: CheerioAPI, visible: string): Interstitial | null {
  const heading = [$('title').first().text(), $('h1').first().text()].join(' ').replace(/\s+/g, ' ');
  if (ERROR_TEXT.test(heading))
    return { kind: 'error', reason: `error page: "${heading.trim().slice(0, 120)}"` };
  if (visible.length < 2000 && ERROR_TEXT.test(visible))
    return { kind: 'error', reason: `error page: "${visible.slice(0, 120)}"` };
  return null;
}

function hasAppShell($: CheerioAPI, html: string): boolean {
  const scripts = $('script').length;
  const noData =
    $('script[type="application/ld+json"]').length === 0 &&
    !/__NEXT_DATA__|__PRELOADED_STATE__|__INIT_DATA__|_init_data_/.test(html);
  return (
    noData &&
    (scripts >= 3 || SHELL_TEXT.test($('noscript').text()) || SHELL_TEXT.test(html.slice(0, 200_000)))
  );
}

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/** Text a reader would see, up to `limit` characters, without copying the whole document. */
export function visibleText($: CheerioAPI, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: AnyNode): void => {
    if (length >= limit) return;
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ').trim();
      if (text) {
        parts.push(text);
        length += text.length + 1;
      }
      return;
    }
    if ('name' in node && HIDDEN.has(node.name)) return;
    if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const node of $.root().toArray()) walk(node);
  return parts.join(' ').slice(0, limit);
}
