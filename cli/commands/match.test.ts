import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerMatchCommand, runMatchJsonl } from './match.ts';

async function runLines(lines: string[]): Promise<unknown[]> {
  const input = PassThrough.from(lines.map((l) => `${l}\n`));
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  await runMatchJsonl(input, output);
  return chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
}

describe('markhound match --jsonl', () => {
  it('writes one result per pair, in order, and an error line for a malformed one', async () => {
    const out = await runLines([
      '{"a": "NIKE", "b": "NAIKI"}',
      'not json',
      '{"a": "NIKE"}',
      '{"a": "NIKE", "b": "ORACLE", "classes_a": [25], "classes_b": [9]}',
      '{"a": "BEER HOUSE", "b": "BEER GARDEN", "goods_a": "beer", "goods_b": "beer and ale"}',
    ]);
    expect(out).toHaveLength(5);
    expect(out[4]).toMatchObject({
      similar: false,
      reasons: expect.arrayContaining([expect.stringContaining('describes the goods (the goods "beer")')]),
    });
    expect(out[0]).toMatchObject({
      similar: true,
      reasons: expect.arrayContaining([
        'sounds alike: NIKE is said /N AY K IY/ (CMU Pronouncing Dictionary), written by ear "naiki" ~ NAIKI',
      ]),
    });
    expect(out[1]).toMatchObject({ error: expect.stringMatching(/^line 2: /) });
    expect(out[2]).toMatchObject({
      error: expect.stringMatching(/^line 3: "a" and "b" must both be strings/),
    });
    expect(out[3]).toMatchObject({ similar: false, components: { goods: 0 } });
  });
});

describe('markhound match A B', () => {
  it('prints the decision and reasons as text, and JSON with --json', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const program = new Command().exitOverride();
    registerMatchCommand(program);
    await program.parseAsync([
      'node',
      'markhound',
      'match',
      'NIKE',
      'NAIKI',
      '--classes-a',
      '25',
      '--classes-b',
      '18',
    ]);
    const text = String(log.mock.calls[0]?.[0]);
    // The marks in the order given (a fixed bug printed "NAIKI vs NIKE").
    expect(text.startsWith('NIKE vs NAIKI: score ')).toBe(true);
    expect(text).toContain('→ SIMILAR');
    expect(text).toContain('register statistics not available');
    expect(text).toContain('classes 25 and 18 are related (clothing and leather goods)');
    await program.parseAsync(['node', 'markhound', 'match', 'NIKE', 'ORACLE', '--json']);
    expect(JSON.parse(String(log.mock.calls[1]?.[0]))).toMatchObject({ similar: false });
    log.mockRestore();
  });

  it('rejects a threshold outside [0, 1] with a message naming the value', async () => {
    const program = new Command().exitOverride();
    registerMatchCommand(program);
    await expect(
      program.parseAsync(['node', 'markhound', 'match', 'A', 'B', '--threshold', '7']),
    ).rejects.toThrow('--threshold: "7" is not a number between 0 and 1');
  });
});
