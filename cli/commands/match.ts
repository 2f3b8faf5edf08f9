import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import {
  comparePrepared,
  compareMarks,
  prepareMark,
  type MatchResult,
  type PreparedMark,
} from '../../matcher/index.ts';

interface MatchOptions {
  classesA?: string[];
  classesB?: string[];
  goodsA?: string;
  goodsB?: string;
  threshold?: string;
  json?: boolean;
  jsonl?: boolean;
}

function parseClasses(values: readonly string[] | undefined, flag: string): number[] | undefined {
  if (!values || values.length === 0) return undefined;
  const classes = values.flatMap((v) => v.split(',')).map((v) => Number(v.trim()));
  const bad = classes.find((c) => !Number.isInteger(c) || c < 1 || c > 45);
  if (bad !== undefined)
    throw new Error(
      `${flag}: "${values.join(' ')}" is not a list of Nice classes; give numbers from 1 to 45, e.g. ${flag} 25 18`,
    );
  return classes;
}

function parseThreshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threshold = Number(value);
  if (!(threshold >= 0 && threshold <= 1))
    throw new Error(`--threshold: "${value}" is not a number between 0 and 1; e.g. --threshold 0.6`);
  return threshold;
}

function readableResult(a: string, b: string, result: MatchResult): string {
  const decision = result.similar ? 'SIMILAR' : 'not similar';
  const lines = [
    `${a} vs ${b}: score ${result.score.toFixed(3)} (threshold ${result.threshold.toFixed(3)}) → ${decision}`,
  ];
  for (const reason of result.reasons) lines.push(`  - ${reason}`);
  return lines.join('\n');
}

function numberList(value: unknown, field: string): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((c) => Number.isInteger(c)))
    throw new Error(`"${field}" must be an array of class numbers, got ${JSON.stringify(value)}`);
  return value as number[];
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new Error(`"${field}" must be a string (the goods as written), got ${JSON.stringify(value)}`);
  return value;
}

/** One JSON line in, one JSON line out; errors become {"error": "line N: ..."}. */
function matchLine(
  line: string,
  lineNumber: number,
  threshold: number | undefined,
  cache: Map<string, PreparedMark>,
): string {
  try {
    const input: unknown = JSON.parse(line);
    if (typeof input !== 'object' || input === null)
      throw new Error('expected an object like {"a": "NIKE", "b": "NAIKI"}');
    const { a, b, classes_a, classes_b, goods_a, goods_b } = input as Record<string, unknown>;
    if (typeof a !== 'string' || typeof b !== 'string')
      throw new Error('"a" and "b" must both be strings (the two marks)');
    const classesA = numberList(classes_a, 'classes_a');
    const classesB = numberList(classes_b, 'classes_b');
    const goodsA = text(goods_a, 'goods_a');
    const goodsB = text(goods_b, 'goods_b');
    // Screening files repeat the watched mark on every line: prepare it once.
    const key = `${a}\u0000${(classesA ?? []).join(',')}\u0000${goodsA ?? ''}`;
    let watched = cache.get(key);
    if (!watched) {
      if (cache.size > 10_000) cache.clear();
      watched = prepareMark(a, classesA, goodsA);
      cache.set(key, watched);
    }
    const result = comparePrepared(
      watched,
      prepareMark(b, classesB, goodsB),
      threshold === undefined ? {} : { threshold },
    );
    return JSON.stringify({
      score: result.score,
      similar: result.similar,
      components: result.components,
      reasons: result.reasons,
    });
  } catch (error) {
    return JSON.stringify({
      error: `line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

/** Streams JSON lines of pairs from input to results on output, in order. Blank lines are skipped. */
export async function runMatchJsonl(
  input: Readable,
  output: Writable,
  options: { threshold?: number } = {},
): Promise<{ lines: number; errors: number }> {
  const cache = new Map<string, PreparedMark>();
  let lines = 0;
  let errors = 0;
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) {
    lines++;
    if (line.trim() === '') continue;
    const out = matchLine(line, lines, options.threshold, cache);
    if (out.startsWith('{"error"')) errors++;
    if (!output.write(`${out}\n`))
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return { lines, errors };
}

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('Score how confusable two marks are, with reasons; --jsonl scores pairs from stdin')
    .argument('[a]', 'the watched mark')
    .argument('[b]', 'the candidate mark')
    .option('--classes-a <classes...>', 'Nice classes of mark A')
    .option('--classes-b <classes...>', 'Nice classes of mark B')
    .option('--goods-a <text>', 'goods or services of mark A as written')
    .option('--goods-b <text>', 'goods or services of mark B as written')
    .option('--threshold <number>', 'decision threshold in [0, 1] (default: calibrated)')
    .option('--json', 'print the result as JSON')
    .option(
      '--jsonl',
      'read {"a","b","classes_a"?,"classes_b"?,"goods_a"?,"goods_b"?} lines on stdin, write one result line each',
    )
    .action(async (a: string | undefined, b: string | undefined, options: MatchOptions) => {
      const threshold = parseThreshold(options.threshold);
      if (options.jsonl) {
        await runMatchJsonl(process.stdin, process.stdout, threshold === undefined ? {} : { threshold });
        return;
      }
      if (a === undefined || b === undefined)
        throw new Error(
          'match: give two marks, e.g. markhound match "NIKE" "NAIKI", or use --jsonl with pairs on stdin',
        );
      // No database here: the reasons say that register statistics are not available.
      const result = compareMarks(
        { text: a, classes: parseClasses(options.classesA, '--classes-a'), goods: options.goodsA },
        { text: b, classes: parseClasses(options.classesB, '--classes-b'), goods: options.goodsB },
        threshold === undefined ? {} : { threshold },
      );
      console.log(options.json ? JSON.stringify(result, null, 2) : readableResult(a, b, result));
    });
}
