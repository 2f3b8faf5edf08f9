import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Programme } from './programmes.ts';

export interface PdfInput {
  reportId: string;
  programme: Programme;
  status: string;
  createdAt: string;
  fields: Record<string, unknown>;
  missing: string[];
  notes: string[];
}

// DejaVu covers the scripts of the markets we watch (Latin, Cyrillic, Greek); Helvetica only Latin-1.
const UNICODE_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const UNICODE_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** The report as a person files it: the programme, each form field with its value, what is missing. */
export function renderTakedownPdf(input: PdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Takedown report ${input.reportId} — ${input.programme.name}`, Creator: 'Markhound' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const [regular, bold] =
    existsSync(UNICODE_FONT) && existsSync(UNICODE_BOLD)
      ? [UNICODE_FONT, UNICODE_BOLD]
      : ['Helvetica', 'Helvetica-Bold'];
  doc.registerFont('body', regular).registerFont('bold', bold);
  doc.font('bold').fontSize(16).text('Takedown report');
  doc.font('body').fontSize(10).moveDown(0.3);
  doc.text(`Programme: ${input.programme.name}`);
  doc.text(`File at: ${input.programme.portal}`);
  doc.text(`Report ${input.reportId} · status ${input.status} · prepared ${input.createdAt}`);
  doc.moveDown();
  for (const field of input.programme.fields) {
    doc
      .font('bold')
      .fontSize(10)
      .text(`${field.label}${field.required ? ' *' : ''}`);
    doc.font('body').fontSize(10).text(valueText(input.fields[field.key]), { indent: 12 });
    doc.moveDown(0.4);
  }
  if (input.missing.length) {
    doc.moveDown().font('bold').text('To complete before filing');
    doc.font('body');
    for (const line of input.missing) doc.text(`• ${line}`, { indent: 12 });
  }
  if (input.notes.length) {
    doc.moveDown().font('bold').text('Notes');
    doc.font('body');
    for (const line of input.notes) doc.text(`• ${line}`, { indent: 12 });
  }
  doc.moveDown().fontSize(8).fillColor('#555555');
  doc.text('What this programme asks for was checked against: ' + input.programme.sources.join(' | '));
  doc.end();
  return done;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '— (not filled)';
  if (Array.isArray(value))
    return value
      .map((item) =>
        typeof item === 'object' && item !== null
          ? Object.entries(item as Record<string, unknown>)
              .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
              .join(', ')
          : String(item),
      )
      .join('\n');
  return String(value);
}
