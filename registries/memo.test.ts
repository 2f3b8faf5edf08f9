import { describe, expect, it } from 'vitest';
import { memoizeByText } from './memo.ts';

describe('memoizeByText', () => {
  it('classifies each distinct text once, remembers null results too, and stays within its bound', () => {
    const seen: string[] = [];
    const classify = memoizeByText((text: string) => {
      seen.push(text);
      return text.startsWith('reg') ? 'registered' : null;
    }, 2);
    expect([classify('registered'), classify('filed'), classify('registered'), classify('filed')]).toEqual([
      'registered',
      null,
      'registered',
      null,
    ]);
    expect(seen).toEqual(['registered', 'filed']);
    classify('third'); // past the bound: forgets and starts again
    classify('registered');
    expect(seen).toEqual(['registered', 'filed', 'third', 'registered']);
  });
});
