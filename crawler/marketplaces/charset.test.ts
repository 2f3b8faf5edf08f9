import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectCharset } from './charset.ts';
import { extractPage } from './extract-page.ts';
import { readFixture } from './tests/fixtures.ts';

const TAOBAO = 'taobao/taobao_item_562283240178_2020-07.html';
const TAOBAO_TITLE = '乳白亚克力外壳 60%键盘外壳 poker外壳无加强筋底壳透光外壳';
const MERCARI = 'mercari-jp/mercari-jp_item_m38793557194_2026-08.html';
const MERCARI_TITLE = 'ハローキティ ご当地根付 ストラップ 13個セット';

/** Re-encodes a real page into a legacy charset, dropping its <meta charset> so only the bytes tell. */
function reencode(name: string, charset: string): Buffer {
  const text = readFixture(name)
    .toString('utf8')
    .replace(/<meta[^>]*charset=[^>]*>/gi, '');
  return iconv.encode(text, charset);
}

describe('detectCharset', () => {
  it('decodes the Taobao page as UTF-8 although it declares <meta charset="gbk"> (browser re-save)', () => {
    const detected = detectCharset(readFixture(TAOBAO));
    expect(detected.charset).toBe('utf-8');
    expect(detected.warning).toMatch(/declares gb18030 \(meta\) but its bytes are valid UTF-8/);
    expect(decodeBytes(readFixture(TAOBAO), detected.charset)).toContain(TAOBAO_TITLE);
  });

  it('recognises the Taobao page re-encoded as GB18030 with no declaration, and extracts it', () => {
    const bytes = reencode(TAOBAO, 'gb18030');
    expect(detectCharset(bytes)).toEqual({ charset: 'gb18030', source: 'heuristic', warning: null });
    const result = extractPage({ html: bytes, url: 'https://item.taobao.com/item.htm?id=562283240178' });
    expect(result.listings[0]?.title).toBe(TAOBAO_TITLE);
    expect(result.listings[0]?.sellerName).toBe('怡科外设KBDfans');
  });

  it('recognises Japanese pages in Shift_JIS and EUC-JP by their kana', () => {
    expect(detectCharset(reencode(MERCARI, 'shift_jis')).charset).toBe('cp932');
    expect(detectCharset(reencode(MERCARI, 'euc-jp')).charset).toBe('euc-jp');
    expect(decodeBytes(reencode(MERCARI, 'euc-jp'), 'euc-jp')).toContain(MERCARI_TITLE);
  });

  it('follows BOM first, then the HTTP charset, then <meta>, ignoring <script charset>', () => {
    const meta = Buffer.from(
      '<html><head><script charset="utf-8" src="a.js"></script><meta charset="shift_jis"></head></html>',
    );
    expect(detectCharset(meta)).toMatchObject({ charset: 'cp932', source: 'meta' });
    expect(detectCharset(meta, 'text/html; charset=EUC-JP')).toMatchObject({
      charset: 'euc-jp',
      source: 'http',
    });
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>x</p>', 'utf16le')]);
    expect(detectCharset(bom, 'text/html; charset=utf-8')).toMatchObject({
      charset: 'utf-16le',
      source: 'bom',
    });
    expect(decodeBytes(bom, 'utf-16le')).toBe('<p>x</p>');
  });

  it('reports an unknown charset label and falls back to the bytes', () => {
    const detected = detectCharset(Buffer.from('<meta charset="x-klingon"><p>plain</p>'));
    expect(detected.charset).toBe('utf-8');
    expect(detected.warning).toMatch(/unknown charset "x-klingon"/);
  });

  it('treats bytes that are neither UTF-8 nor CJK as Windows-1252', () => {
    const latin = iconv.encode('<p>Réplica São Paulo — preço</p>', 'windows-1252');
    expect(detectCharset(latin).charset).toBe('windows-1252');
    expect(decodeBytes(latin, 'windows-1252')).toBe('<p>Réplica São Paulo — preço</p>');
  });
});
