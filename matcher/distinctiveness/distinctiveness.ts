import { compoundParts, zipfFrequency } from '../lexicon/index.ts';
import { describesGoods } from './descriptive.ts';
import { crowdingOf, MIN_FILINGS_IN_SCOPE, type Crowding, type RegisterStats } from './register-stats.ts';

/** How much one word of a mark can carry confusion on its own, and why. */
export interface Distinctiveness {
  word: string;
  /** 0 (a word anyone may use for these goods) to 1 (a coined word no one else uses). */
  value: number;
  /** Zipf frequency in spoken English (SUBTLEX-US); 0 when the word is not in the list. */
  zipf: number;
  /** The known English words a word not in the list is run together from (SHARECARE), or null. */
  parts: string[] | null;
  /** Where it describes the goods, or null. */
  descriptive: string | null;
  /** How many filings for these classes have it, or null when register statistics are unavailable. */
  crowding: Crowding | null;
  /** Register statistics were given (crowding may still be null: a register too small to say). */
  registerGiven: boolean;
}

export interface GoodsContext {
  classes: readonly number[];
  goods: readonly string[];
  register: RegisterStats | undefined;
}

/** Everyday words (Zipf 6: the, you) count 0 for rarity; words the corpus never has count 1. */
function rarity(zipf: number): number {
  return Math.min(1, Math.max(0, (6 - zipf) / 4));
}

/** A descriptive word keeps a quarter of its weight, a word in one filing in ten or more 30%. */
const DESCRIPTIVE_FACTOR = 0.25;
const PART_DESCRIPTIVE_FACTOR = 0.5;
const CROWDED_FACTOR = 0.7;

/**
 * The weight of a word as a shared element: a floor for any word plus its rarity in the language,
 * lowered when it describes the goods and when many filings in the classes use it. A coined word
 * taken whole keeps nearly all; BEER for beer, or CAPITAL among financial services, little.
 */
export function distinctivenessOf(word: string, context: GoodsContext): Distinctiveness {
  const zipf = /^[0-9]+$/.test(word) ? 5 : zipfFrequency(word);
  // A word the list lacks may still be ordinary words run together: halfway between a coinage
  // and its parts, and descriptive (at half the cut) when a part describes the goods.
  const parts = zipf === 0 ? compoundParts(word) : null;
  const wordRarity = parts
    ? (1 + parts.reduce((sum, p) => sum + rarity(zipfFrequency(p)), 0) / parts.length) / 2
    : rarity(zipf);
  let descriptive = describesGoods(word, context.classes, context.goods);
  let descriptiveFactor = DESCRIPTIVE_FACTOR;
  if (!descriptive && parts) {
    for (const part of parts) {
      const source = describesGoods(part, context.classes, context.goods);
      if (source) {
        descriptive = `${part.toUpperCase()}: ${source}`;
        descriptiveFactor = PART_DESCRIPTIVE_FACTOR;
        break;
      }
    }
  }
  const crowding = crowdingOf(
    context.register,
    word,
    context.classes.length > 0 ? context.classes : undefined,
  );
  const value =
    (0.4 + 0.6 * wordRarity) *
    (descriptive ? descriptiveFactor : 1) *
    (1 - CROWDED_FACTOR * (crowding?.value ?? 0));
  return { word, value, zipf, parts, descriptive, crowding, registerGiven: context.register !== undefined };
}

function frequencyWords(zipf: number, parts: string[] | null): string {
  if (parts) return `English words run together (${parts.map((p) => p.toUpperCase()).join(' + ')})`;
  if (zipf === 0) return 'not an English word in the frequency list (coined or rare)';
  if (zipf < 3) return `a rare English word (Zipf ${zipf.toFixed(1)})`;
  if (zipf < 4.5) return `an ordinary English word (Zipf ${zipf.toFixed(1)})`;
  return `a common English word (Zipf ${zipf.toFixed(1)})`;
}

function crowdingWords(crowding: Crowding | null, registerGiven: boolean): string {
  if (!crowding && registerGiven)
    return `the ingested register is too small (under ${MIN_FILINGS_IN_SCOPE} filings) to say how crowded it is`;
  if (!crowding) return 'register statistics not available';
  const scope = crowding.classes
    ? `class${crowding.classes.length > 1 ? 'es' : ''} ${crowding.classes.join(', ')}`
    : 'the register';
  return `in ${crowding.count.toLocaleString('en')} of ${crowding.total.toLocaleString('en')} filings in ${scope}`;
}

/** "LION: an ordinary English word (Zipf 4.1), not descriptive, in 84 of 12,034 filings in class 36: distinctiveness 0.52". */
export function describeDistinctiveness(d: Distinctiveness): string {
  const level = d.value >= 0.7 ? 'high' : d.value >= 0.4 ? 'normal' : 'weak';
  const descriptive = d.descriptive
    ? `describes the goods (${d.descriptive})`
    : 'not descriptive of the goods';
  return `${d.word.toUpperCase()}: ${frequencyWords(d.zipf, d.parts)}, ${descriptive}, ${crowdingWords(d.crowding, d.registerGiven)}: ${level} distinctiveness (${d.value.toFixed(2)})`;
}
