import { describe, expect, it } from 'vitest';
import { normalizeMark } from './normalize-mark.ts';

describe('normalizeMark', () => {
  it('maps a Cyrillic і (U+0456) hidden in a Latin mark to i', () => {
    const mark = normalizeMark('N\u0456ke');
    expect(mark.key).toBe('nike');
    expect(mark.script).toBe('latin');
  });

  it('reads look-alikes from every script in Unicode confusables data, not a hand table', () => {
    // Armenian o (U+0585) and u (U+057D), Greek capital NU read before lower-casing, Cherokee A.
    expect(normalizeMark('G\u0585\u0585gle').key).toBe('google');
    expect(normalizeMark('Tr\u057Dst').key).toBe('trust');
    expect(normalizeMark('\u039DIKE').key).toBe('nike');
    expect(normalizeMark('\u13AAdidas').key).toBe('adidas');
    // Mathematical bold and fullwidth letters mixed into a word.
    expect(normalizeMark('N\u{1D422}ke').key).toBe('nike');
    expect(normalizeMark('Ni\uFF4Be').key).toBe('nike');
  });

  it('never splits a word at a character it cannot read', () => {
    // GREEK YPOGEGRAMMENI decomposes to a space under NFKC; it reads as i.
    expect(normalizeMark('Gl\u037Ade').tokens).toEqual(['glide']);
    // A letter with no Latin reading (Georgian) costs one letter, not the rest of the word.
    expect(normalizeMark('Nik\u10D0e').tokens).toEqual(['nike']);
    expect(normalizeMark('Nik\u10D0e Store').genericWords).toEqual(['store']);
  });

  it('undoes leetspeak inside words but keeps digits of marks like 3M', () => {
    expect(normalizeMark('N1KE').key).toBe('nike');
    expect(normalizeMark('G00GLE').key).toBe('google');
    expect(normalizeMark('$ONY').key).toBe('sony');
    expect(normalizeMark('3M').key).toBe('3m');
    expect(normalizeMark('7-ELEVEN').tokens).toEqual(['7', 'eleven']);
  });

  it('folds full-width letters (NFKC) and case', () => {
    expect(normalizeMark('ＮＩＫＥ').key).toBe('nike');
    expect(normalizeMark('ＮＩＫＥ').display).toBe('NIKE');
  });

  it('drops words without distinctiveness, and keeps them when nothing else is left', () => {
    const mark = normalizeMark('Nike Official Store');
    expect(mark.key).toBe('nike');
    expect(mark.genericWords).toEqual(['official', 'store']);
    expect(normalizeMark('Tienda Oficial Adidas').key).toBe('adidas');
    expect(normalizeMark('PT Indofood Sukses Makmur Tbk').tokens).toEqual(['indofood', 'sukses', 'makmur']);
    expect(normalizeMark('The Store').key).toBe('thestore');
  });

  it('strips diacritics and splits on hyphens and punctuation', () => {
    expect(normalizeMark('Crème Brûlée').tokens).toEqual(['creme', 'brulee']);
    expect(normalizeMark('COCA-COLA').key).toBe('cocacola');
    expect(normalizeMark("McDonald's").key).toBe('mcdonalds');
  });

  it('keeps the shape before leetspeak for the visual comparison', () => {
    expect(normalizeMark('PAYPA1').shape).toBe('paypa1');
    expect(normalizeMark('PAYPA1').key).toBe('paypai');
  });
});
