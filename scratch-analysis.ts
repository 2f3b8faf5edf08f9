import { loadDecidedCases } from './matcher/eval/index.ts';
import { featuresOfCase, fitWeights, rocAuc, FEATURE_NAMES, qualityAt } from './matcher/index.ts';
import { comparePrepared as oldCompare } from './bench/baseline-matcher/compare-marks.ts';
import { prepareMark as oldPrepare } from './bench/baseline-matcher/prepare-mark.ts';
import { calibrationAnchors } from './bench/matcher-data.ts';
import { predict } from './matcher/score/logistic.ts';
const { cases } = loadDecidedCases();
const rows = cases.filter(c => c.split !== 'test');
const feats = rows.map(c => ({ c, f: featuresOfCase(c), label: (c.confusion ? 1 : 0) as 0 | 1 }));
for (const split of ['train', 'dev']) {
  const r = feats.filter(x => x.c.split === split);
  console.log(split, r.length, FEATURE_NAMES.map((n, i) => `${n}=${rocAuc(r.map(x => ({ score: x.f[i]!, label: x.label }))).toFixed(2)}`).join(' '));
  const old = r.map(x => ({ score: oldCompare(oldPrepare(x.c.earlier, x.c.classesEarlier), oldPrepare(x.c.later, x.c.classesLater), { withoutReasons: true }).score, label: x.label }));
  console.log('  baseline auc', rocAuc(old).toFixed(3), 'f1@0.5', qualityAt(old, 0.5).f1.toFixed(3));
}
const w = fitWeights(rows, calibrationAnchors(), 'x');
const model = { intercept: w.intercept, weights: w.weights };
for (const split of ['train', 'dev']) {
  const r = feats.filter(x => x.c.split === split).map(x => ({ score: predict(model, x.f), label: x.label }));
  console.log(split, 'model auc', rocAuc(r).toFixed(3), 'f1', qualityAt(r, w.threshold).f1.toFixed(3));
}
console.log(JSON.stringify({ w: w.weights, i: w.intercept, t: w.threshold, l2: w.l2 }));
if (process.argv.includes('--rows')) for (const x of feats.filter(x => x.c.split === 'train')) console.log(x.label, predict(model, x.f).toFixed(2), x.c.earlier, '|', x.c.later, x.f.map(v => v.toFixed(2)).join(' '));
