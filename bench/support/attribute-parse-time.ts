import { Session } from 'node:inspector/promises';

/** Where a CPU profile's samples went: the tokenizer's own work versus everything else. */
export interface ParseTimeAttribution {
  /** Sampled milliseconds (idle excluded). */
  sampledMs: number;
  /** Share spent in saxes (and its character tables), UTF-8 decoding and file reads: what tokenizing alone costs. */
  tokenizerShare: number;
  /** Share in garbage collection. */
  gcShare: number;
  /** The largest other functions by self time, as shares. */
  top: { fn: string; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const TOKENIZER_URL = /node_modules\/(saxes|xmlchars)\//;
const TOKENIZER_NATIVE = new Set(['decode', 'read']);

/**
 * Runs `work` under V8's sampling profiler and splits its time. Both sides are sampled at the same
 * moments, so the split does not drift with the machine's speed the way two timed runs seconds apart
 * do: on a shared machine it is the steadiest estimate of parse time against tokenize time.
 */
export async function attributeParseTime(work: () => Promise<unknown>): Promise<ParseTimeAttribution> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    await work();
    const { profile } = await session.post('Profiler.stop');
    return attribute(profile as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] });
  } finally {
    session.disconnect();
  }
}

function attribute(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): ParseTimeAttribution {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  let total = 0;
  let tokenizer = 0;
  let gc = 0;
  const others = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    total += micros;
    if (
      TOKENIZER_URL.test(frame.url) ||
      (TOKENIZER_NATIVE.has(frame.functionName) && !frame.url.includes('/registries/'))
    ) {
      tokenizer += micros;
    } else if (frame.functionName === '(garbage collector)') {
      gc += micros;
    } else {
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}`;
      others.set(key, (others.get(key) ?? 0) + micros);
    }
  }
  const share = (micros: number): number => Number((micros / Math.max(total, 1)).toFixed(3));
  return {
    sampledMs: Math.round(total / 1000),
    tokenizerShare: share(tokenizer),
    gcShare: share(gc),
    top: [...others]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, micros]) => ({ fn, share: share(micros) })),
  };
}
