/** One piece of text as the PDF draws it, in page coordinates with y measured from the top. */
export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline distance from the top of the page (pdf.js gives it from the bottom; flipped here). */
  y: number;
  width: number;
  /** Font size as drawn: the word mark of an IP India entry is much larger than its details. */
  height: number;
  fontName: string;
}

/** Text items sharing a baseline, left to right, joined with the spaces their gaps imply. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  /** Largest font size on the line. */
  height: number;
  items: PdfTextItem[];
}

/** An image the page paints, decoded to PNG, with where it is drawn (y from the top). */
export interface PdfImage {
  png: Buffer;
  width: number;
  height: number;
  x: number;
  y: number;
  drawnWidth: number;
  drawnHeight: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  lines: PdfLine[];
  /** False for a page with no text at all: a scan, which Markhound does not OCR. */
  hasTextLayer: boolean;
  /** Decodes the images painted on the page (only when asked: it costs an operator-list pass). */
  images(): Promise<PdfImage[]>;
}

export interface PdfLimits {
  /** Largest PDF read (bytes); office journals run to hundreds of MB, so this is generous. */
  maxBytes: number;
  /** Largest image decoded (pixels); bigger images are left out and reported as such. */
  maxImagePixels: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: 1024 * 1024 * 1024, maxImagePixels: 25_000_000 };
