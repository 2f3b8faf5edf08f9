import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { LogoIndex, hashLogo } from '../../matcher/logo/index.ts';

/** Where the command writes; tests pass their own to read the output. */
export interface LogoMatchIo {
  out: (line: string) => void;
  err: (line: string) => void;
  setExitCode: (code: number) => void;
}

const processIo: LogoMatchIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.svg', '.gif']);
const TOP = 5;
const PROGRESS_EVERY = 50;

/**
 * `markhound logo-match --index DIR --query FILE...`: hashes every image under DIR, then writes one
 * JSON line per query with its closest indexed files. Unreadable images are skipped and reported on
 * stderr with the reason; a query that cannot be read gets a JSON line with `error` and exit code 1;
 * an index folder that cannot be listed or holds no usable image exits 2.
 */
export function registerLogoMatchCommand(program: Command, io: LogoMatchIo = processIo): void {
  program
    .command('logo-match')
    .description('find the logos in a folder that look most like the given images (perceptual hashes)')
    .requiredOption(
      '--index <dir>',
      'folder of logo images (PNG, JPEG, WebP, GIF, SVG), searched recursively',
    )
    .requiredOption('--query <files...>', 'images to look up')
    .action(async (options: { index: string; query: string[] }) => {
      io.setExitCode(await runLogoMatch(options.index, options.query, io));
    });
}

async function runLogoMatch(indexDir: string, queries: string[], io: LogoMatchIo): Promise<number> {
  let files: string[];
  try {
    files = await listImages(indexDir);
  } catch (error) {
    io.err(
      `logo-match: cannot list --index ${indexDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; give a readable folder of images`,
    );
    return 2;
  }
  const index = await buildIndex(indexDir, files, io);
  if (index.size === 0) {
    io.err(`logo-match: no usable image in ${indexDir} (looked for ${[...IMAGE_EXTENSIONS].join(', ')})`);
    return 2;
  }
  let exitCode = 0;
  for (const query of queries) {
    try {
      const hashes = await hashLogo(await readFile(query));
      const matches = index.rank(hashes, TOP).map((m) => ({
        file: m.id,
        distance: m.distance,
        mirrored: m.mirrored,
        via: m.via,
        similarity: Math.round(m.similarity * 1000) / 1000,
        reasons: m.reasons,
      }));
      io.out(JSON.stringify({ query, matches }));
    } catch (error) {
      io.out(JSON.stringify({ query, error: (error as Error).message }));
      exitCode = 1;
    }
  }
  return exitCode;
}

/** Image files under dir, relative to it, sorted so runs are reproducible. */
async function listImages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((name) => IMAGE_EXTENSIONS.has(extname(name).toLowerCase())).sort();
}

async function buildIndex(dir: string, files: string[], io: LogoMatchIo) {
  const index = new LogoIndex();
  let skipped = 0;
  for (const [i, file] of files.entries()) {
    try {
      // Indexed logos keep their parts; rotated and cut-off variants only serve queries.
      const hashes = await hashLogo(await readFile(join(dir, file)), { variants: false });
      index.add(file, hashes);
    } catch (error) {
      skipped += 1;
      io.err(`logo-match: skipping ${file}: ${(error as Error).message}`);
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === files.length) {
      io.err(`logo-match: indexed ${i + 1 - skipped} of ${files.length} images (${skipped} skipped)`);
    }
  }
  return index;
}
