export { readPdfPages } from './read-pdf.ts';
export { groupLines } from './lines.ts';
export { DEFAULT_PDF_LIMITS } from './types.ts';
export type { PdfImage, PdfLimits, PdfLine, PdfPage, PdfTextItem } from './types.ts';
