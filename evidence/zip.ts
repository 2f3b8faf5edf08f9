import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipEntry {
  path: string;
  bytes: Buffer;
}

/** DOS date and time of a UTC instant (ZIP's own 2-second resolution format). */
function dosDateTime(date: Date): { time: number; day: number } {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

const UTF8_NAMES = 0x0800;
/** Already compressed or random-looking: deflating them costs time and saves nothing. */
const STORE_AS_IS = /\.(png|jpe?g|gif|webp|zip|gz|sig|tsr)$/i;

/**
 * Writes a ZIP (deflated where that is smaller, else stored; no ZIP64, so packs stay under 4 GiB).
 * Written here because the repository's zip library (yauzl) only reads.
 */
export function writeZip(entries: ZipEntry[], modified: Date): Buffer {
  const { time, day } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflated = STORE_AS_IS.test(entry.path) ? entry.bytes : deflateRawSync(entry.bytes);
    const stored = deflated === entry.bytes || deflated.length >= entry.bytes.length;
    const data = stored ? entry.bytes : deflated;
    const crc = crc32(entry.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads every entry of a ZIP into memory; a duplicated name is an error (it could hide a swapped file). */
export function readZip(zip: Buffer, maxTotalBytes = 2 * 1024 * 1024 * 1024): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true },
      (openError, file) => {
        if (openError || !file)
          return reject(new Error(`not a readable ZIP file: ${openError?.message ?? 'unknown error'}`));
        const files = new Map<string, Buffer>();
        let total = 0;
        file.on('error', reject);
        file.on('end', () => resolve(files));
        file.on('entry', (entry: yauzl.Entry) => {
          if (entry.fileName.endsWith('/')) return file.readEntry();
          if (files.has(entry.fileName)) return reject(new Error(`the ZIP holds ${entry.fileName} twice`));
          total += entry.uncompressedSize;
          if (total > maxTotalBytes)
            return reject(new Error(`the ZIP unpacks to more than ${maxTotalBytes} bytes`));
          file.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream)
              return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('error', reject);
            stream.on('end', () => {
              files.set(entry.fileName, Buffer.concat(chunks));
              file.readEntry();
            });
          });
        });
        file.readEntry();
      },
    );
  });
}
