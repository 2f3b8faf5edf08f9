import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerDeadlinesCommand, runDeadlines } from './deadlines.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'markhound-deadlines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('markhound deadlines', () => {
  it('prints every deadline as JSON with its rule and sources', async () => {
    const result = await runDeadlines({ office: 'USPTO', published: '2026-10-27', filed: '2025-08-31' });
    expect(result.exitCode).toBe(0);
    const deadlines = JSON.parse(result.stdout) as {
      kind: string;
      date: string;
      rule: string;
      sources: { citation: string }[];
    }[];
    expect(deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['priority', '2026-02-28'],
      ['opposition', '2026-11-27'], // 30 days end on Thanksgiving, 37 CFR 2.196
      ['opposition-extended-max', '2027-04-26'],
    ]);
    expect(deadlines[1]?.rule).toBe('30 days after publication (15 U.S.C. 1063(a))');
    expect(deadlines[1]?.sources.length).toBeGreaterThan(0);
  });

  it('reads office closures from a holidays file', async () => {
    const file = join(dir, 'holidays.json');
    await writeFile(file, JSON.stringify({ USPTO: ['2026-12-24'] }));
    const result = await runDeadlines({ office: 'US', published: '2026-11-24', holidays: file });
    expect(JSON.parse(result.stdout)[0].date).toBe('2026-12-28');
  });

  it('a bad date exits 2 naming the value and the format', async () => {
    const result = await runDeadlines({ office: 'EUIPO', published: '2026-02-30' });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: expect.stringMatching(/--published "2026-02-30".*YYYY-MM-DD/),
    });
  });

  it('an unknown office exits 2 listing the known codes', async () => {
    const result = await runDeadlines({ office: 'XX', filed: '2026-01-01' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/office "XX".*USPTO, EUIPO/);
  });

  it('a holidays file with an unknown office or a bad shape exits 2', async () => {
    const unknown = join(dir, 'unknown.json');
    await writeFile(unknown, JSON.stringify({ USPTOO: ['2026-12-24'] }));
    expect(
      (await runDeadlines({ office: 'USPTO', published: '2026-01-06', holidays: unknown })).stderr,
    ).toMatch(/"USPTOO"/);
    const badShape = join(dir, 'bad.json');
    await writeFile(badShape, JSON.stringify(['2026-12-24']));
    expect(
      (await runDeadlines({ office: 'USPTO', published: '2026-01-06', holidays: badShape })).exitCode,
    ).toBe(2);
    expect(
      (await runDeadlines({ office: 'USPTO', published: '2026-01-06', holidays: join(dir, 'missing.json') }))
        .stderr,
    ).toMatch(/cannot be read/);
  });

  it('asks for at least one date', async () => {
    expect((await runDeadlines({ office: 'USPTO' })).exitCode).toBe(2);
  });

  it('is wired as a commander subcommand that sets the exit code', async () => {
    const program = new Command().exitOverride();
    registerDeadlinesCommand(program);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['deadlines', '--office', 'BR', '--published', '2026-11-17'], {
        from: 'user',
      });
      expect(JSON.parse(String(stdout.mock.calls[0]?.[0]))[0].date).toBe('2027-01-18');
      await program.parseAsync(['deadlines', '--office', 'BR', '--published', 'tomorrow'], { from: 'user' });
      expect(process.exitCode).toBe(2);
      expect(String(stderr.mock.calls.at(-1)?.[0])).toMatch(/"tomorrow"/);
    } finally {
      process.exitCode = undefined;
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});

describe('markhound deadlines --target-office and what is not known', () => {
  it('gives one priority deadline per --target-office, each rolled by that office', async () => {
    const result = await runDeadlines({
      office: 'US',
      filed: '2026-06-25',
      targetOffice: ['GB', 'JP', 'BR'],
    });
    expect(result.exitCode).toBe(0);
    const deadlines = JSON.parse(result.stdout) as { kind: string; office: string; date: string }[];
    expect(deadlines.map((d) => [d.office, d.date])).toEqual([
      ['JPO', '2026-12-25'],
      ['INPI-BR', '2026-12-28'],
      ['UKIPO', '2026-12-29'],
    ]);
  });

  it('--target-office without --filed exits 2 and says what to add', async () => {
    const result = await runDeadlines({ office: 'US', published: '2026-06-25', targetOffice: ['GB'] });
    expect(result).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/--target-office needs --filed/),
    });
  });

  it('an office with no opposition period prints [] and says why on stderr (NOIP)', async () => {
    const result = await runDeadlines({ office: 'VN', published: '2026-11-03' });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(/not known: opposition at NOIP: NOIP has no fixed opposition period/);
  });

  it('parses a repeated --target-office through commander', async () => {
    const program = new Command().exitOverride();
    registerDeadlinesCommand(program);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(
        [
          'deadlines',
          '--office',
          'US',
          '--filed',
          '2026-06-25',
          '--target-office',
          'KR',
          '--target-office',
          'SA',
        ],
        { from: 'user' },
      );
      const printed = JSON.parse(String(stdout.mock.calls[0]?.[0])) as { office: string; date: string }[];
      expect(printed.map((d) => [d.office, d.date])).toEqual([
        ['SAIP', '2026-12-27'],
        ['KIPO', '2026-12-28'],
      ]);
    } finally {
      stdout.mockRestore();
    }
  });
});
