/** Language data the matcher reads (each loaded on first use): frequency, pronunciation, meaning, translation. */
export { compoundParts, zipfFrequency } from './word-frequency.ts';
export { homophoneGroups, phonesOf, phonesOfWords, spellingByEar } from './pronunciation.ts';
export { meaningsOf, type WordMeanings } from './wordnet.ts';
export { chineseHeadwordsFor, englishOf, glossHead } from './chinese-english.ts';
