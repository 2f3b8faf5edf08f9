export interface Containment {
  value: number;
  /** Which mark sits inside the other; null when neither does. */
  direction: 'watched-in-candidate' | 'candidate-in-watched' | null;
  /** True when the inner mark is a whole word (or several) of the outer one, or begins it. */
  aligned: boolean;
}

const NONE: Containment = { value: 0, direction: null, aligned: false };
const MIN_INNER_LENGTH = 3;

function startsAtWordBoundary(outerTokens: readonly string[], offset: number): boolean {
  let position = 0;
  for (const token of outerTokens) {
    if (position === offset) return true;
    position += token.length;
  }
  return false;
}

function contains(innerKey: string, outerKey: string, outerTokens: readonly string[]): Containment | null {
  if (innerKey.length < MIN_INNER_LENGTH || innerKey.length >= outerKey.length) return null;
  const offset = outerKey.indexOf(innerKey);
  if (offset < 0) return null;
  const aligned = startsAtWordBoundary(outerTokens, offset);
  // Short inner marks only count as whole words: ACE inside SPACER is chance, not borrowing.
  if (!aligned && innerKey.length < 5) return null;
  const dominance = innerKey.length / outerKey.length;
  const value = (0.55 + 0.45 * dominance) * (aligned ? 1 : 0.8);
  return { value, direction: 'watched-in-candidate', aligned };
}

/**
 * How far one mark is taken whole into the other (NIKE in NIKEPRO STORE). The watched mark inside
 * the candidate counts fully; the candidate inside the watched mark counts at 80%, since a filing
 * that is a part of a longer mark borrows less of it.
 */
export function containment(
  watchedKey: string,
  watchedTokens: readonly string[],
  candidateKey: string,
  candidateTokens: readonly string[],
): Containment {
  if (watchedKey.length > 0 && watchedKey === candidateKey)
    return { value: 1, direction: 'watched-in-candidate', aligned: true };
  const forward = contains(watchedKey, candidateKey, candidateTokens);
  const backward = contains(candidateKey, watchedKey, watchedTokens);
  const backwardValue = backward ? backward.value * 0.8 : 0;
  if (forward && forward.value >= backwardValue) return forward;
  if (backward) return { ...backward, value: backwardValue, direction: 'candidate-in-watched' };
  return NONE;
}
