/**
 * Words sellers use to advertise copies, per language (ISO 639-1). Each pattern matches whole words
 * (or a CJK string). Sources: brand-protection vendor glossaries and marketplace listing studies
 * (e.g. OECD/EUIPO "Trade in Counterfeit Goods" 2019, INTA anti-counterfeiting fact sheets) and the
 * sellers' own slang seen on the sample marketplaces; kept short on purpose: a word belongs here
 * only when it almost never describes a genuine product.
 */
export interface TermPattern {
  term: string;
  pattern: RegExp;
}

const t = (term: string, pattern: RegExp): TermPattern => ({ term, pattern });

export const TERMS: Record<string, TermPattern[]> = {
  // English: used by cross-border sellers in every market.
  en: [
    t('replica', /\breplicas?\b/i),
    t('1:1', /(?<![\d:/])1\s?:\s?1(?![\d:])(?!\s*scale)/i),
    t('mirror quality', /\bmirror\s+(?:quality|grade|copy|version)\b/i),
    t('super copy', /\b(?:super|high|top)\s+(?:copy|fake)\b/i),
    t('fake', /\bfakes?\b/i),
    t('knockoff', /\bknock[\s-]?offs?\b/i),
    t('copy', /\b(?:copy|imitation)\s+(?:brand|bag|watch|shoes?|sneakers?|version|product)\b/i),
    t('dupe', /\bdupes?\b/i),
    t('unauthorized authentic', /\bunauthori[sz]ed\s+authentic\b/i),
  ],
  // Brazilian/European Portuguese: "primeira linha" (first line) is the usual euphemism for a copy.
  pt: [
    t('réplica', /\br[ée]plicas?\b/i),
    t('primeira linha', /\bprimeira\s+linha\b/i),
    t('cópia', /\bc[óo]pias?\b/i),
    t('inspirado', /\binspirad[oa]s?\s+(?:em|no|na)\b/i),
  ],
  es: [
    t('réplica', /\br[ée]plicas?\b/i),
    t('imitación', /\bimitaci[óo]n\b/i),
    t('copia', /\bcopias?\b/i),
    t('clon', /\bclon(?:es)?\b/i),
  ],
  // Indonesian / Malay: "KW" (kualitas / "kawe") grades copies: KW super, KW 1, KW premium.
  id: [
    t('tiruan', /\btiruan\b/i),
    t('KW', /(?<![\d.,]\s?)(?<![\w])KW(?:\s?(?:super|premium|1|2|3))?(?![\w])/),
    t('replika', /\breplika\b/i),
    t('mirip ori', /\bmirip\s+ori(?:ginal)?\b/i),
  ],
  ms: [
    t('tiruan', /\btiruan\b/i),
    t('KW', /(?<![\d.,]\s?)(?<![\w])KW(?![\w])/),
    t('replika', /\breplika\b/i),
  ],
  tl: [t('class A', /\bclass\s+a\b/i), t('replica', /\breplicas?\b/i)],
  // Chinese: 高仿 high imitation, 复刻 replica, 精仿 fine imitation, A货 "A goods", 1比1 one-to-one.
  zh: [
    t('高仿', /高仿/),
    t('复刻', /复刻|復刻/),
    t('精仿', /精仿/),
    t('A货', /A货|A貨/),
    t('1比1', /1比1/),
    t('仿品', /仿品|仿牌/),
  ],
  // Japanese: コピー品 copy goods, スーパーコピー super copy, N級 "N grade", 偽物 fake.
  ja: [
    t('コピー品', /コピー品/),
    t('スーパーコピー', /スーパーコピー/),
    t('レプリカ', /レプリカ/),
    t('N級', /N級/),
    t('偽物', /偽物/),
  ],
  ko: [t('이미테이션', /이미테이션/), t('레플리카', /레플리카/), t('짝퉁', /짝퉁/), t('미러급', /미러급/)],
  vi: [
    t('hàng nhái', /\bhàng\s+nhái\b/i),
    t('hàng fake', /\b(?:hàng\s+)?fake\b/i),
    t('rep 1:1', /\brep\s?1\s?:\s?1\b/i),
  ],
  fr: [t('réplique', /\br[ée]pliques?\b/i), t('contrefaçon', /\bcontrefa[çc]ons?\b/i)],
  de: [t('Replik', /\breplik(?:a|en)?\b/i), t('Fälschung', /\bf[äa]lschung(?:en)?\b/i)],
  it: [t('replica', /\brepliche?\b|\breplica\b/i), t('falso', /\bfals[oi]\b/i)],
  tr: [t('replika', /\breplika\b/i), t('çakma', /\bçakma\b/i), t('birebir', /\bbirebir\b/i)],
  ar: [t('تقليد', /تقليد/), t('كوبي', /كوبي/), t('ماستر كوالتي', /ماستر\s*كوالتي/)],
  th: [t('ก๊อป', /ก๊อป|ก็อป/), t('เกรดมิลเลอร์', /มิลเลอร์|มิเรอร์/)],
};

/**
 * "AAA" and "OEM" are grades of copies only in a quality context ("AAA quality", "grade AAA",
 * "OEM quality"); next to battery words ("AAA batteries", "pilhas AAA", "baterai AAA") they are a
 * battery size. Both conditions are checked within a few words of the match.
 */
export const GRADE_WORDS = /\b(AAA\+?|OEM)\b/g;
export const QUALITY_CONTEXT =
  /\b(quality|grade|copy|replica|top|class|premium|qualidade|linha|primeira|calidad|kualitas|kw|mirror|1:1|version|qualit[ée])\b/i;
export const BATTERY_CONTEXT =
  /\b(batter(?:y|ies)|pilhas?|pilas?|baterai|batterien?|piles?|alkaline|alcalinas?|rechargeable|recarreg[áa]veis|nimh|lithium|1[.,]5\s?v|mah|pack|count)\b|電池|电池|単4/i;
