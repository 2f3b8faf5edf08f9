/**
 * Proves the gain of the two prototypes beside this file without touching registries/: copies the
 * USPTO daily adapter into a temp folder with its imports of the XML helpers and of recordHash
 * pointed at fast-element.ts and fast-record-hash.ts, then maps the same record trees with both
 * and reports CPU milliseconds (best of 5 rounds) and whether every Filing came out identical.
 * Run: npx tsx bench/support/prove-mapping-prototype.ts FILE.xml   (a USPTO daily file)
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { ParsedRecord } from '../../core/filing.ts';
import { mapCaseFile } from '../../registries/uspto-daily/map-case-file.ts';
import { streamXmlRecords, type XmlElement } from '../../registries/xml/index.ts';

type MapCaseFile = typeof mapCaseFile;
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Copies registries/uspto-daily with its helper imports rewired to the prototypes. */
async function prototypeMapper(dir: string): Promise<MapCaseFile> {
  const source = join(root, 'registries/uspto-daily');
  const target = join(dir, 'registries/uspto-daily');
  await mkdir(join(dir, 'registries/xml'), { recursive: true });
  await mkdir(target, { recursive: true });
  for (const name of await readdir(source)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    const text = (await readFile(join(source, name), 'utf8'))
      .replaceAll("'../../", `'${root}`)
      .replaceAll("'../adapter.ts'", `'${root}registries/adapter.ts'`);
    await writeFile(join(target, name), text);
  }
  await writeFile(
    join(dir, 'registries/xml/index.ts'),
    `export * from '${root}bench/support/fast-element.ts';\nexport { streamXmlRecords } from '${root}registries/xml/record-stream.ts';\nexport type { XmlElement } from '${root}registries/xml/element.ts';\n`,
  );
  await writeFile(join(dir, 'registries/record-hash.ts'), `export { fastRecordHash as recordHash } from '${root}bench/support/fast-record-hash.ts';\n`);
  const module = (await import(pathToFileURL(join(target, 'map-case-file.ts')).href)) as { mapCaseFile: MapCaseFile };
  return module.mapCaseFile;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function bestCpuMs(trees: XmlElement[], map: MapCaseFile): number {
  let best = Infinity;
  for (let round = 0; round < 5; round += 1) {
    const start = cpuMs();
    trees.forEach((tree, i) => map(tree, i + 1, 'USPTO'));
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

export async function proveMappingPrototype(file: string): Promise<Record<string, unknown>> {
  const trees: XmlElement[] = [];
  for await (const event of streamXmlRecords(createReadStream(file), { recordElements: ['case-file'] })) {
    if (event.kind === 'record') trees.push(event.element);
  }
  const dir = await mkdtemp(join(tmpdir(), 'markhound-mapping-prototype-'));
  try {
    const prototype = await prototypeMapper(dir);
    const same = (tree: XmlElement, i: number): boolean =>
      isDeepStrictEqual(mapCaseFile(tree, i, 'USPTO'), prototype(tree, i, 'USPTO') as ParsedRecord);
    const currentMs = bestCpuMs(trees, mapCaseFile);
    const prototypeMs = bestCpuMs(trees, prototype);
    return {
      records: trees.length,
      currentCpuMs: Math.round(currentMs),
      prototypeCpuMs: Math.round(prototypeMs),
      saved: `${Math.round((1 - prototypeMs / currentMs) * 100)}%`,
      identicalFilings: trees.every(same),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/support/prove-mapping-prototype.ts USPTO_DAILY.xml');
  console.log(JSON.stringify(await proveMappingPrototype(file), null, 2));
}
