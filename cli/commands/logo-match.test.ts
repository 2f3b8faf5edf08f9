// Tests cli/commands/logo-match.ts; it lives here because this engineer owns matcher/logo/ tests.
// The lead may move it beside the command as cli/commands/logo-match.test.ts.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import sharp from 'sharp';
import { siApple, siNike, siPython } from 'simple-icons';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLogoMatchCommand } from './logo-match.ts';
import { addWordBeside, renderIcon } from '../../tests/fixtures/logos/transforms.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'markhound-logo-match-'));
  await mkdir(join(dir, 'index', 'sports'), { recursive: true });
  await writeFile(join(dir, 'index', 'sports', 'nike.png'), await renderIcon(siNike.svg, 96));
  await writeFile(join(dir, 'index', 'apple.svg'), siApple.svg);
  await writeFile(
    join(dir, 'index', 'python.webp'),
    await sharp(await renderIcon(siPython.svg, 96))
      .webp()
      .toBuffer(),
  );
  await copyFile(
    new URL('../../tests/fixtures/logos/truncated.png', import.meta.url),
    join(dir, 'index', 'broken.png'),
  );
  await writeFile(join(dir, 'index', 'notes.txt'), 'not an image, not looked at');
  await writeFile(
    join(dir, 'copycat.jpg'),
    await sharp(await renderIcon(siNike.svg, 200))
      .flop()
      .jpeg({ quality: 50 })
      .toBuffer(),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = -1;
  const program = new Command('markhound').exitOverride();
  registerLogoMatchCommand(program, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    setExitCode: (c) => (exitCode = c),
  });
  await program.parseAsync(['node', 'markhound', 'logo-match', ...args]);
  return { out, err, exitCode };
}

describe('markhound logo-match', () => {
  it('indexes a folder, skips the broken file with its reason, and ranks the copycat', async () => {
    const result = await run(
      '--index',
      join(dir, 'index'),
      '--query',
      join(dir, 'copycat.jpg'),
      join(dir, 'missing.png'),
    );
    expect(result.err).toContainEqual(
      expect.stringMatching(/^logo-match: skipping broken\.png: logo image .*/),
    );
    expect(result.err).toContain('logo-match: indexed 3 of 4 images (1 skipped)');
    const [hit, miss] = result.out.map((line) => JSON.parse(line));
    expect(hit.query).toBe(join(dir, 'copycat.jpg'));
    expect(hit.matches.map((m: { file: string }) => m.file).sort()).toEqual([
      'apple.svg',
      'python.webp',
      join('sports', 'nike.png'),
    ]);
    expect(hit.matches[0]).toMatchObject({ file: join('sports', 'nike.png'), mirrored: true });
    expect(hit.matches[0].reasons[0]).toMatch(/after mirroring/);
    expect(miss).toEqual({ query: join(dir, 'missing.png'), error: expect.stringMatching(/ENOENT/) });
    expect(result.exitCode).toBe(1);
  });

  it('finds the indexed logo in a query that sets a word beside it, and says so', async () => {
    const nike = await renderIcon(siNike.svg, 200);
    await writeFile(join(dir, 'nike-outlet.png'), await addWordBeside(nike, 200, 'nike-outlet'));
    const result = await run('--index', join(dir, 'index'), '--query', join(dir, 'nike-outlet.png'));
    const [hit] = result.out.map((line) => JSON.parse(line));
    expect(hit.matches[0]).toMatchObject({ file: join('sports', 'nike.png'), via: 'part' });
    expect(hit.matches[0].reasons[0]).toMatch(
      /^logo matches a part of the other image \(the left \d+% of it\)/,
    );
    expect(result.exitCode).toBe(0);
  });

  it('exits 2 when the index folder cannot be listed', async () => {
    const result = await run('--index', join(dir, 'nowhere'), '--query', join(dir, 'copycat.jpg'));
    expect(result.exitCode).toBe(2);
    expect(result.err[0]).toMatch(/cannot list --index .*nowhere: ENOENT/);
  });
});
