import { meaningsOf } from '../lexicon/index.ts';
import { NICE_CLASS_HEADINGS } from './nice-headings.ts';

/**
 * Whether a word names or describes the goods or services: it is a word of the Nice class heading or
 * of the goods text (plural folded), or WordNet says it is a kind of a thing they name (APPLE for
 * fresh fruits: apple is a kind of fruit).
 */

/** Heading words that name no particular goods (apparatus, preparations, services ...). */
const HEADING_FILLER = new Set(
  'and or for the of in as well use other their all these except not made from than with by its to into such being adapted relating thereto purposes form parts products product materials material preparations preparation apparatus instruments instrument articles article services service substances substance devices device goods items raw unprocessed processed semi human beings'.split(
    ' ',
  ),
);

function fold(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3 && !HEADING_FILLER.has(w))
    .map(fold);
}

interface GoodsVocabulary {
  words: Set<string>;
  synsets: Set<string>;
  /** Which text each word came from, for the reason ("class 32 heading"). */
  source: Map<string, string>;
}

const vocabularyCache = new Map<string, GoodsVocabulary>();

function vocabularyOf(texts: ReadonlyArray<readonly [string, string]>): GoodsVocabulary {
  const key = texts.map(([source, text]) => `${source}\u0000${text}`).join('\u0001');
  let vocabulary = vocabularyCache.get(key);
  if (!vocabulary) {
    vocabulary = { words: new Set(), synsets: new Set(), source: new Map() };
    for (const [source, text] of texts) {
      for (const word of contentWords(text)) {
        vocabulary.words.add(word);
        if (!vocabulary.source.has(word)) vocabulary.source.set(word, source);
        for (const synset of meaningsOf(word)?.synsets ?? []) {
          vocabulary.synsets.add(synset);
          if (!vocabulary.source.has(synset)) vocabulary.source.set(synset, `${source} ("${word}")`);
        }
      }
    }
    if (vocabularyCache.size > 2000) vocabularyCache.clear();
    vocabularyCache.set(key, vocabulary);
  }
  return vocabulary;
}

/**
 * Where the word describes the goods ("the class 32 heading", 'the goods "beer and ale"'), or null.
 * Classes and goods texts are those of either mark.
 */
export function describesGoods(
  word: string,
  classes: readonly number[],
  goods: readonly string[],
): string | null {
  if (word.length < 3 || (classes.length === 0 && goods.length === 0)) return null;
  const texts: [string, string][] = [
    ...classes.flatMap((c): [string, string][] =>
      NICE_CLASS_HEADINGS[c] ? [[`the class ${c} heading`, NICE_CLASS_HEADINGS[c]]] : [],
    ),
    ...goods.map((g): [string, string] => [`the goods "${g.length > 60 ? `${g.slice(0, 57)}...` : g}"`, g]),
  ];
  const vocabulary = vocabularyOf(texts);
  const folded = fold(word);
  if (vocabulary.words.has(folded)) return vocabulary.source.get(folded)!;
  const meanings = meaningsOf(folded) ?? meaningsOf(word);
  if (!meanings) return null;
  for (const id of [...meanings.synsets, ...meanings.hypernyms])
    if (vocabulary.synsets.has(id)) return vocabulary.source.get(id)!;
  return null;
}

/** Folded content words of a goods text (plural folded, filler left out), for comparing goods. */
export function goodsWords(text: string): string[] {
  return [...new Set(contentWords(text))];
}

const headingVocabulary = new Map<number, GoodsVocabulary>();

/**
 * The Nice classes a goods text reads as, when the filing gives none: each class whose heading names
 * one of its words, or a thing one of its words is a kind of (WordNet), ranked by how many words it
 * covers; only the best-covered classes are kept.
 */
export function classesOfGoods(text: string): number[] {
  const words = goodsWords(text);
  if (words.length === 0) return [];
  const score = new Map<number, number>();
  for (let c = 1; c <= 45; c++) {
    let vocabulary = headingVocabulary.get(c);
    if (!vocabulary) {
      vocabulary = vocabularyOf([[`the class ${c} heading`, NICE_CLASS_HEADINGS[c]!]]);
      headingVocabulary.set(c, vocabulary);
    }
    let hits = 0;
    for (const word of words) {
      if (vocabulary.words.has(word)) hits++;
      else {
        const meanings = meaningsOf(word);
        if (meanings && [...meanings.synsets, ...meanings.hypernyms].some((id) => vocabulary.synsets.has(id)))
          hits++;
      }
    }
    if (hits > 0) score.set(c, hits);
  }
  const top = Math.max(0, ...score.values());
  return [...score].filter(([, hits]) => hits === top).map(([c]) => c);
}
