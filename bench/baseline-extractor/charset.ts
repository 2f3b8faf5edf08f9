import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'http' | 'meta' | 'heuristic';

export interface DetectedCharset {
  /** An iconv-lite encoding name (utf-8, gb18030, cp932, euc-jp, windows-1252, utf-16le, utf-16be). */
  charset: string;
  source: CharsetSource;
  warning: string | null;
}

// WHATWG Encoding Standard labels mapped to the superset decoder iconv-lite knows.
const LABELS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  csgb2312: 'gb18030',
  chinese: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  shift_jis: 'cp932',
  'shift-jis': 'cp932',
  sjis: 'cp932',
  'x-sjis': 'cp932',
  'windows-31j': 'cp932',
  ms_kanji: 'cp932',
  cp932: 'cp932',
  'euc-jp': 'euc-jp',
  'x-euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  'windows-1251': 'windows-1251',
  'koi8-r': 'koi8-r',
  'windows-874': 'windows-874',
  'tis-620': 'windows-874',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
};

/** Maps a charset label to a decoder name, or null when the label is unknown. */
export function normalizeCharsetLabel(label: string): string | null {
  const name = LABELS[label.trim().toLowerCase()];
  if (name) return name;
  return iconv.encodingExists(label.trim()) ? label.trim().toLowerCase() : null;
}

/**
 * Decides how to decode a saved page: byte order mark, HTTP charset, <meta> charset, then the bytes
 * themselves. A declared legacy charset is overruled when the bytes are valid UTF-8 with non-ASCII
 * text, because browsers re-save pages as UTF-8 but keep the original <meta charset> (the Taobao
 * sample declares gbk and is UTF-8).
 */
export function detectCharset(bytes: Buffer, contentType?: string): DetectedCharset {
  const bom = charsetFromBom(bytes);
  if (bom) return { charset: bom, source: 'bom', warning: null };
  const declared = declaredCharset(bytes, contentType);
  const warnings: string[] = declared.warnings;
  if (declared.charset) {
    const checked = checkDeclared(bytes, declared.charset, declared.source);
    if (checked) return { ...checked, warning: joinWarnings([...warnings, checked.warning]) };
    warnings.push(
      `charset: page declares utf-8 (${declared.source}) but its bytes are not valid UTF-8; guessed from the bytes`,
    );
  }
  const guessed = guessCharset(bytes);
  return { charset: guessed, source: 'heuristic', warning: joinWarnings(warnings) };
}

export function decodeBytes(bytes: Buffer, charset: string): string {
  const start = charset === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return iconv.decode(bytes.subarray(start), charset, { stripBOM: true });
}

function charsetFromBom(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

interface Declared {
  charset: string | null;
  source: 'http' | 'meta';
  warnings: string[];
}

function declaredCharset(bytes: Buffer, contentType?: string): Declared {
  const warnings: string[] = [];
  const fromHttp = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromHttp) {
    const name = normalizeCharsetLabel(fromHttp);
    if (name) return { charset: name, source: 'http', warnings };
    warnings.push(
      `charset: HTTP Content-Type names unknown charset "${fromHttp}"; detecting from the page instead`,
    );
  }
  const fromMeta = metaCharset(bytes);
  if (fromMeta) {
    const name = normalizeCharsetLabel(fromMeta);
    if (name) return { charset: name, source: 'meta', warnings };
    warnings.push(`charset: <meta> names unknown charset "${fromMeta}"; detecting from the bytes instead`);
  }
  return { charset: null, source: 'meta', warnings };
}

// Only <meta> tags count: <script charset="..."> names the script's encoding, not the page's.
// The whole <head> is searched, not the 1024 bytes browsers prescan: saved pages put injected
// scripts first (the Taobao sample's <meta charset> sits at byte 149,443).
function metaCharset(bytes: Buffer): string | null {
  const window = bytes.subarray(0, 524_288).toString('latin1');
  const headEnd = window.search(/<\/head\s*>|<body[\s>]/i);
  const head = headEnd > 0 ? window.slice(0, headEnd) : window;
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function checkDeclared(bytes: Buffer, charset: string, source: 'http' | 'meta'): DetectedCharset | null {
  const utf8 = isValidUtf8(bytes);
  if (charset === 'utf-8') {
    if (utf8) return { charset, source, warning: null };
    return null;
  }
  if (utf8 && hasNonAscii(bytes) && !charset.startsWith('utf-16')) {
    return {
      charset: 'utf-8',
      source: 'heuristic',
      warning: `charset: page declares ${charset} (${source}) but its bytes are valid UTF-8; decoded as UTF-8`,
    };
  }
  return { charset, source, warning: null };
}

function joinWarnings(list: (string | null)[]): string | null {
  const present = list.filter((item): item is string => Boolean(item));
  return present.length > 0 ? present.join('; ') : null;
}

function hasNonAscii(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

export function isValidUtf8(bytes: Buffer): boolean {
  try {
    // stream: a sequence cut off by truncation at the very end is not a reason to distrust the rest.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * For bytes that are not UTF-8: Japanese text is full of kana, which decode cleanly only under the
 * right Japanese charset; Chinese has none, so a page whose non-ASCII bytes decode to CJK under
 * GB18030 without kana is GB18030; anything else is taken as Windows-1252.
 */
function guessCharset(bytes: Buffer): string {
  if (isValidUtf8(bytes)) return 'utf-8';
  const sample = bytes.subarray(0, 262_144);
  let best: { charset: string; score: number } = { charset: '', score: 0 };
  for (const charset of ['cp932', 'euc-jp']) {
    const stats = scriptStats(iconv.decode(sample, charset));
    const score = stats.kana - 4 * stats.invalid;
    if (stats.kana > 0.1 * stats.nonAscii && score > best.score) best = { charset, score };
  }
  if (best.charset) return best.charset;
  const chinese = scriptStats(iconv.decode(sample, 'gb18030'));
  const hanLooking = chinese.han > 0.5 * chinese.nonAscii && chinese.invalid < 0.01 * chinese.nonAscii + 1;
  return hanLooking && looksDoubleByte(sample) ? 'gb18030' : 'windows-1252';
}

/**
 * GBK decodes almost any byte pair, so also check the shape: Chinese text (GB2312 range) has a high
 * byte after each lead byte, while accented Latin text ("é" then "p") has ASCII after it.
 */
function looksDoubleByte(bytes: Buffer): boolean {
  let pairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x81) continue;
    if ((bytes[i + 1] ?? 0) >= 0xa1) {
      pairs += 1;
      i += 1;
    } else singles += 1;
  }
  return pairs > 4 * singles;
}

function scriptStats(text: string): { kana: number; han: number; invalid: number; nonAscii: number } {
  let kana = 0;
  let han = 0;
  let invalid = 0;
  let nonAscii = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii += 1;
    if (code >= 0x3040 && code <= 0x30ff) kana += 1;
    else if (code >= 0x4e00 && code <= 0x9fff) han += 1;
    else if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) invalid += 1;
  }
  return { kana, han, invalid, nonAscii };
}
