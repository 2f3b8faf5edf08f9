import type { ComponentDetail } from '../components.ts';
import { describeDistinctiveness } from '../distinctiveness/index.ts';
import type { PreparedMark } from '../prepare-mark.ts';
import { osaDistance, syllableSounds } from '../similarity/index.ts';
import { WEAK_ELEMENT } from './features.ts';

const SCRIPT_NAMES: Readonly<Record<string, string>> = {
  cyrillic: 'Cyrillic',
  greek: 'Greek',
  arabic: 'Arabic',
  thai: 'Thai',
  hangul: 'Korean Hangul',
  kana: 'Japanese kana',
  han: 'Chinese characters',
};

function transliterationReasons(mark: PreparedMark): string[] {
  const { norm } = mark;
  const name = SCRIPT_NAMES[norm.script];
  if (name !== undefined) return [`written in ${name}: ${norm.display} reads "${norm.latin}"`];
  if (/[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(norm.display))
    return [`uses look-alike letters from another script: ${norm.display} reads "${norm.latin}"`];
  return [];
}

function spellingReasons(mark: PreparedMark): string[] {
  const reasons: string[] = [];
  if (/[0-9@$!|]/.test(mark.norm.latin) && mark.norm.shape !== mark.key)
    reasons.push(`writes letters as digits or symbols: ${mark.norm.display} reads "${mark.key}"`);
  if (mark.norm.genericWords.length > 0)
    reasons.push(
      `leaves aside words with no distinctiveness in ${mark.norm.display}: ${mark.norm.genericWords.join(', ')}`,
    );
  return reasons;
}

function resemblanceReasons(w: PreparedMark, c: PreparedMark, d: ComponentDetail): string[] {
  const { components } = d;
  const [wName, cName] = [w.norm.display, c.norm.display];
  if (w.key === c.key) return [`the same mark once normalized: ${cName} = ${wName} ("${w.key}")`];
  const reasons: string[] = [];
  if (components.orthographic >= 0.75) {
    const edits = osaDistance(w.key, c.key);
    reasons.push(
      edits <= 3
        ? `spelled alike: ${cName} ~ ${wName}, ${edits} letter edit${edits === 1 ? '' : 's'} apart`
        : `spelled alike: ${cName} ~ ${wName}`,
    );
  }
  if (d.syllables !== null && d.syllables >= 0.7) {
    const [latinSide, otherSide] = w.norm.script === 'latin' ? [w, c] : [c, w];
    reasons.push(
      `sounds alike syllable by syllable: ${otherSide.norm.display} (${syllableSounds(otherSide.key).join('-')}) ~ ${latinSide.norm.display} (${syllableSounds(latinSide.heard ?? latinSide.key).join('-')})`,
    );
  }
  const heardFrom = w.heard ? w : c.heard ? c : null;
  if (d.heardAlike >= 0.8 && heardFrom && !(w.phones && c.phones)) {
    const other = heardFrom === w ? c : w;
    reasons.push(
      `sounds alike: ${heardFrom.norm.display} is said /${heardFrom.phones!.join(' ')}/ (CMU Pronouncing Dictionary), written by ear "${heardFrom.heard}" ~ ${other.norm.display}`,
    );
  } else if (d.pronunciation !== null && d.pronunciation >= 0.8 && w.phones && c.phones) {
    reasons.push(
      `sounds alike in English: ${cName} /${c.phones.join(' ')}/ ~ ${wName} /${w.phones.join(' ')}/ (CMU Pronouncing Dictionary)`,
    );
  } else if (components.phonetic >= 0.8 && d.phoneticPair) {
    const [a, b] = d.phoneticPair;
    reasons.push(
      a === b
        ? `sounds alike: ${cName} ~ ${wName}, both encode ${a}`
        : `sounds alike: ${cName} ~ ${wName}, encoded ${b} and ${a}`,
    );
  }
  if (components.visual >= 0.85 && components.visual > components.orthographic + 0.05) {
    reasons.push(
      `looks alike in letter shapes: ${cName} ~ ${wName} (rn/m, cl/d, vv/w, l/1/i, o/0 read alike)`,
    );
  }
  const inner = d.containment;
  if (inner.direction === 'watched-in-candidate' && components.containment >= 0.7) {
    reasons.push(
      `contains the mark ${wName}${components.containment >= 0.8 ? ' as its dominant element' : ''}`,
    );
  } else if (inner.direction === 'candidate-in-watched' && components.containment >= 0.6) {
    reasons.push(`is itself a part of the mark ${wName}`);
  }
  if (reasons.length === 0 && d.bestToken && components.orthographic >= 0.7)
    reasons.push(
      `the word ${d.bestToken.candidate.toUpperCase()} resembles ${d.bestToken.watched.toUpperCase()}`,
    );
  if (reasons.length === 0 && components.orthographic >= 0.6)
    reasons.push(
      `partly spelled alike: ${cName} ~ ${wName}, ${osaDistance(w.key, c.key)} letter edits apart`,
    );
  return reasons;
}

const HOW: Readonly<Record<string, string>> = {
  same: '',
  'spelled alike': ' (spelled alike)',
  'sounds alike': ' (sounds alike)',
  inside: ' (inside a longer word)',
  part: ' (a part of the earlier word)',
};

/** The overall impression: which elements are shared, how distinctive each is, what dominates. */
function elementReasons(w: PreparedMark, c: PreparedMark, d: ComponentDetail): string[] {
  const e = d.elements;
  const reasons: string[] = [];
  if (w.key === c.key) return reasons;
  for (const s of e.shared) {
    const named =
      s.earlier === s.later
        ? s.earlier.toUpperCase()
        : `${s.earlier.toUpperCase()} as ${s.later.toUpperCase()}`;
    reasons.push(`shares ${named}${HOW[s.how] ?? ''}; ${describeDistinctiveness(s.distinctiveness)}`);
  }
  if (e.earlierTakenWhole && c.tokens.length > w.tokens.length) {
    const added = c.tokens.filter((t) => !e.shared.some((s) => s.later === t));
    if (added.length > 0)
      reasons.push(
        `takes the whole earlier mark ${w.norm.display} and adds ${added.map((t) => t.toUpperCase()).join(' ')}${e.strongestShared >= 0.7 ? ': a distinctive mark taken whole usually keeps its weight' : ''}`,
      );
  } else if (e.firstWordShared && w.tokens.length > 1) {
    reasons.push(`both begin with ${w.tokens[0]!.toUpperCase()}, the part read and heard first`);
  }
  if (e.shared.length > 0 && e.strongestShared < WEAK_ELEMENT)
    reasons.push(
      'what they share is weak (common, descriptive or crowded): the differences carry the impression',
    );
  const translation = e.translation;
  if (translation && translation.value >= 0.3)
    reasons.push(
      `means the same in translation: ${translation.later} ~ ${translation.earlier} ("${translation.via}", CC-CEDICT)`,
    );
  const meaning = e.meaning;
  if (meaning && meaning.value >= 0.3) {
    if (meaning.relation === 'synonym')
      reasons.push(
        `same meaning: ${meaning.later.toUpperCase()} ~ ${meaning.earlier.toUpperCase()} (WordNet: both "${meaning.via}")`,
      );
    else
      reasons.push(
        `related meaning: ${meaning.later.toUpperCase()} and ${meaning.earlier.toUpperCase()}, a word and its kind (WordNet: "${meaning.via}")`,
      );
  }
  return reasons;
}

function contextReasons(w: PreparedMark, c: PreparedMark, d: ComponentDetail): string[] {
  const reasons: string[] = [];
  if (d.goods.value === null && !w.goods && !c.goods)
    reasons.push('name-only verdict: the classes or goods of a mark are not known, so they do not weigh in');
  if (!d.registerKnown)
    reasons.push(
      'register statistics not available: how crowded these words are among filed marks was not weighed',
    );
  return reasons;
}

function goodsReasons(d: ComponentDetail): string[] {
  const { goods } = d;
  if (goods.value === null) return [];
  const read = (side: number[] | null, which: string): string[] =>
    side?.length
      ? [
          `the goods of ${which} read as class${side.length > 1 ? 'es' : ''} ${side.join(', ')} (no classes given)`,
        ]
      : [];
  const inferred = [
    ...read(goods.inferred.a, 'the watched mark'),
    ...read(goods.inferred.b, 'the candidate'),
  ];
  if (goods.sharedGoods.length > 0)
    return [
      `both name the same goods: ${goods.sharedGoods.map((w) => w.toUpperCase()).join(', ')}`,
      ...inferred,
    ];
  if (goods.shared.length > 0)
    return [`both cover class${goods.shared.length > 1 ? 'es' : ''} ${goods.shared.join(', ')}`, ...inferred];
  if (goods.related)
    return [
      `classes ${goods.related.a} and ${goods.related.b} are related (${goods.related.why})`,
      ...inferred,
    ];
  return ['the classes are not related: different goods and services lower the risk', ...inferred];
}

/** Sentences a lawyer can read, most telling first. */
export function explain(watched: PreparedMark, candidate: PreparedMark, detail: ComponentDetail): string[] {
  const reasons = [
    ...resemblanceReasons(watched, candidate, detail),
    ...elementReasons(watched, candidate, detail),
    ...transliterationReasons(candidate),
    ...transliterationReasons(watched),
    ...spellingReasons(candidate),
    ...goodsReasons(detail),
    ...contextReasons(watched, candidate, detail),
  ];
  const telling = reasons.filter((r) => !r.startsWith('name-only') && !r.startsWith('register statistics'));
  return telling.length > 0
    ? reasons
    : ['no notable resemblance in spelling, sound, shape or content', ...reasons];
}
