export { normalizeMark, type NormalizedMark } from './normalize-mark.ts';
export { isGenericWord } from './generic-words.ts';
export { mapConfusables } from './confusables.ts';
