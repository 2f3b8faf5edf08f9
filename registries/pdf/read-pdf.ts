import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputFormatError } from '../../core/errors.ts';
import { decodeImage } from './decode-image.ts';
import { groupLines } from './lines.ts';
import {
  DEFAULT_PDF_LIMITS,
  type PdfImage,
  type PdfLimits,
  type PdfPage,
  type PdfTextItem,
} from './types.ts';

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | null = null;
/** pdf.js is large: loaded on the first PDF, not when the CLI starts. */
const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** `%%EOF` must end a complete PDF (ISO 32000-1 7.5.5); a download cut short does not have it. */
async function endsWithEof(path: string, size: number): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(Math.min(1024, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return tail.toString('latin1').includes('%%EOF');
  } finally {
    await handle.close();
  }
}

/** pdf.js gives the text matrix [a b c d e f]; e, f is the origin from the bottom-left. */
interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

function toItems(raw: readonly unknown[], pageHeight: number): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  for (const r of raw as RawItem[]) {
    if (typeof r.str !== 'string' || !r.transform) continue;
    const [a = 0, b = 0, , , e = 0, f = 0] = r.transform;
    items.push({
      str: r.str,
      x: e,
      y: pageHeight - f,
      width: r.width ?? 0,
      height: r.height || Math.hypot(a, b),
      fontName: r.fontName ?? '',
    });
  }
  return items;
}

/**
 * Reads a PDF page by page with pdf.js (Mozilla's PDF.js, `pdfjs-dist`): text items with their
 * positions, grouped into lines, and on request the images each page paints. One page is held at a
 * time and released (`page.cleanup()`) before the next, so memory is the file's bytes plus one page.
 *
 * Refused before reading: a file over `maxBytes`, or one that is not a PDF. A file without the
 * closing `%%EOF` (cut short) is read as far as pdf.js can, and then the error says it is truncated
 * after the pages that were read, so the caller keeps them and reports the rest as lost.
 */
export async function* readPdfPages(
  path: string,
  options: { limits?: Partial<PdfLimits>; name?: string } = {},
): AsyncGenerator<PdfPage> {
  const limits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  const name = options.name ?? path;
  const { size } = await stat(path);
  if (size > limits.maxBytes)
    throw new InputFormatError(
      `${name} is ${size} bytes, over the PDF limit of ${limits.maxBytes} bytes; raise the source's maxDownloadBytes setting if the office really publishes files this large`,
    );
  const data = new Uint8Array(await readFile(path));
  if (Buffer.from(data.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0)
    throw new InputFormatError(
      `${name} is not a PDF (no %PDF- header); the office may have served an error page`,
    );
  const truncated = !(await endsWithEof(path, size));
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data,
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: limits.maxImagePixels,
    standardFontDataUrl: join(packageDir, 'standard_fonts') + '/',
    wasmUrl: join(packageDir, 'wasm') + '/',
  });
  let pagesRead = 0;
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      throw new InputFormatError(
        `${name} cannot be opened as a PDF${truncated ? ' (it is truncated: no %%EOF at its end)' : ''}: ${(error as Error).message}`,
      );
    }
    for (let number = 1; number <= doc.numPages; number++) {
      let page;
      try {
        page = await doc.getPage(number);
      } catch (error) {
        throw new InputFormatError(
          `${name}: page ${number} of ${doc.numPages} cannot be read${truncated ? ' (the file is truncated: no %%EOF at its end)' : ''}: ${(error as Error).message}`,
        );
      }
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = toItems(content.items, viewport.height);
      const current = page;
      yield {
        number,
        width: viewport.width,
        height: viewport.height,
        items,
        lines: groupLines(items),
        hasTextLayer: items.some((i) => i.str.trim().length > 0),
        images: () => pageImages(pdfjs, current, viewport.height, limits),
      };
      page.cleanup();
      pagesRead += 1;
    }
    if (truncated)
      throw new InputFormatError(
        `${name} is truncated (no %%EOF at its end): ${pagesRead} pages were read, anything after them is lost; download the file again`,
      );
  } finally {
    await task.destroy();
  }
}

type PdfPageProxy = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** Multiplies two PDF matrices [a b c d e f] (m1 then m2). */
function multiply(m1: number[], m2: number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

/**
 * The images a page paints, with where (from the transformation matrix in force when each is
 * painted: images are drawn into the unit square). pdf.js decodes them in its worker and hands raw
 * pixels back; they become PNGs here.
 */
async function pageImages(
  pdfjs: PdfJs,
  page: PdfPageProxy,
  pageHeight: number,
  limits: PdfLimits,
): Promise<PdfImage[]> {
  const ops = await page.getOperatorList();
  const { OPS } = pdfjs;
  const stack: number[][] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const images: PdfImage[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as number[], ctm);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const raw =
        fn === OPS.paintInlineImageXObject
          ? (args[0] as RawImage)
          : await new Promise<RawImage | null>((resolve) => {
              const id = args[0] as string;
              // Shared images live in commonObjs, page images in objs.
              const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
              objs.get(id, (value: unknown) => resolve((value as RawImage) ?? null));
            });
      if (!raw || raw.width * raw.height > limits.maxImagePixels) continue;
      const png = await decodeImage(raw);
      if (!png) continue;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = ctm;
      const drawnWidth = Math.hypot(a, b);
      const drawnHeight = Math.hypot(c, d);
      images.push({
        png,
        width: raw.width,
        height: raw.height,
        x: e,
        y: pageHeight - f - drawnHeight,
        drawnWidth,
        drawnHeight,
      });
    }
  }
  return images;
}

export interface RawImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}
