export { normalizeMark, type NormalizedMark } from './normalize-mark.ts';
export { isGenericWord } from './generic-words.ts';
export { CONFUSABLES_DATA_VERSION, confusableToLatin, lookalikesOf } from './confusables.ts';
