import { describe, expect, it } from 'vitest';
import { normalizeMark } from './normalize-mark.ts';

describe('normalizeMark', () => {
  it('maps a Cyrillic і (U+0456) hidden in a Latin mark to i', () => {
    const mark = normalizeMark('N\u0456ke');
    expect(mark.key).toBe('nike');
    expect(mark.script).toBe('latin');
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
