import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { AlertEvidence } from './pack-data.ts';

export interface ReportImages {
  /** Logo or mark image per alert id: the watched mark's and the found mark's, when stored. */
  watched: Map<string, Buffer>;
  found: Map<string, Buffer>;
  screenshots: Map<string, Buffer>;
}

export interface ReportInput {
  packId: string;
  createdAt: string;
  instanceName: string;
  keyFingerprint: string;
  generator: string;
  alerts: AlertEvidence[];
  images: ReportImages;
  problems: string[];
}

/** DejaVu covers Latin, Greek, Cyrillic and more; PDF's built-in Helvetica only Latin-1. */
const UNICODE_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const UNICODE_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

const BLOCKED_SHOWN = 5;

/** The human-readable report: a summary page, then one page per alert. */
export function renderReport(input: ReportInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Markhound evidence pack ${input.packId}`,
      Creator: input.generator,
      CreationDate: new Date(input.createdAt),
      // Also in the document properties, where a reader's tools find it without rendering pages.
      Subject: `Signed by Ed25519 key with SHA-256 fingerprint ${input.keyFingerprint}`,
      Keywords: `markhound-signing-key-sha256:${input.keyFingerprint}`,
    },
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
  doc.registerFont('body', regular).registerFont('bold', bold).font('body');
  summaryPage(doc, input);
  for (const evidence of input.alerts) {
    doc.addPage();
    alertPage(doc, evidence, input.images);
  }
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

const heading = (doc: Doc, text: string, size = 14) =>
  doc.font('bold').fontSize(size).text(text).font('body').fontSize(10).moveDown(0.3);
const line = (doc: Doc, label: string, value: string | number | null | undefined) =>
  doc
    .font('bold')
    .text(`${label}: `, { continued: true })
    .font('body')
    .text(value === null || value === undefined || value === '' ? '—' : String(value));

function summaryPage(doc: Doc, input: ReportInput): void {
  heading(doc, 'Markhound evidence pack', 20);
  line(doc, 'Pack', input.packId);
  line(doc, 'Created (UTC)', input.createdAt);
  line(doc, 'Instance', input.instanceName);
  line(doc, 'Signing key fingerprint (SHA-256 of SPKI)', input.keyFingerprint);
  line(doc, 'Generator', input.generator);
  line(doc, 'Alerts', input.alerts.length);
  doc.moveDown();
  heading(doc, 'Alerts in this pack', 12);
  for (const { alert, capture } of input.alerts) {
    doc.text(
      `• ${alert.title} — ${alert.kind}, severity ${alert.severity}, score ${alert.score.toFixed(3)}, deadline ${alert.deadline ?? 'none'}, ${capture ? 'page captured' : 'no page capture'}`,
    );
  }
  if (input.problems.length > 0) {
    doc.moveDown();
    heading(doc, 'Problems while packing', 12);
    for (const problem of input.problems) doc.text(`• ${problem}`);
  }
  doc.moveDown();
  heading(doc, 'How to check this pack', 12);
  doc.text(
    'manifest.json lists every file with its SHA-256 and size. manifest.sig is an Ed25519 signature of manifest.json by the key in public-key.pem. ' +
      'custody.jsonl is a hash chain: each line holds the SHA-256 of the line before it. manifest.tsr, when present, is an RFC 3161 timestamp over the SHA-256 of manifest.json. ' +
      'Anyone can sign a changed copy with a key of their own, so check who signed: ' +
      `run \`markhound evidence verify pack.zip --fingerprint ${input.keyFingerprint}\` (or --public-key with the PEM from \`markhound evidence public-key\` ` +
      'or GET /evidence/public-key.pem on the instance) to check all of it offline; without a pinned key verify says "signature valid, signer NOT verified".',
  );
}

function alertPage(doc: Doc, evidence: AlertEvidence, images: ReportImages): void {
  const { alert, mark, filing, match, capture } = evidence;
  heading(doc, alert.title, 16);
  line(doc, 'Alert', alert.id);
  line(doc, 'Kind / source', `${alert.kind} / ${alert.source}`);
  line(doc, 'Severity / status', `${alert.severity} / ${alert.status}`);
  doc.moveDown(0.5);
  const top = doc.y;
  const columnWidth = (doc.page.width - 100 - 20) / 2;
  column(
    doc,
    50,
    top,
    columnWidth,
    'Watched mark',
    [mark?.text ?? '—', `classes ${mark?.niceClasses.join(', ') || '—'}`],
    images.watched.get(alert.id),
  );
  const found = filing
    ? [
        filing.markText ?? '(no word element)',
        `${filing.office} ${filing.serialNumber}`,
        `applicant ${filing.applicants.map((p) => p.name).join('; ') || '—'}`,
        `classes ${filing.classes.map((c) => c.niceClass).join(', ') || '—'}`,
        `status ${filing.statusText ?? filing.statusCategory}`,
      ]
    : [alert.title, capture ? capture.url : 'no listing URL captured'];
  const leftEnd = doc.y;
  column(doc, 70 + columnWidth, top, columnWidth, 'Found mark', found, images.found.get(alert.id));
  doc.x = 50;
  doc.y = Math.max(leftEnd, doc.y) + 10;
  heading(doc, 'Score and reasons', 12);
  line(doc, 'Score', alert.score.toFixed(3));
  const components = Object.entries(match?.components ?? {})
    .map(([k, v]) => `${k} ${v === null ? 'n/a' : v.toFixed(3)}`)
    .join(', ');
  line(doc, 'Components', components);
  for (const reason of alert.reasons) doc.text(`• ${reason}`);
  doc.moveDown(0.5);
  heading(doc, 'Deadlines', 12);
  line(doc, 'Deadline', alert.deadline);
  if (alert.deadlineInfo)
    line(
      doc,
      'Rule',
      `${alert.deadlineInfo.kind}: ${alert.deadlineInfo.rule}${alert.deadlineInfo.verified ? '' : ' (unverified)'}`,
    );
  doc.moveDown(0.5);
  heading(doc, 'Capture', 12);
  if (!capture) {
    doc.text('No page capture was taken for this alert.');
    return;
  }
  const f = capture.facts;
  line(doc, 'URL', f.requestedUrl);
  line(doc, 'Final URL', f.finalUrl);
  if (f.redirectChain.length > 0) line(doc, 'Redirects', f.redirectChain.join(' → '));
  line(doc, 'Captured (UTC)', capture.capturedAt.toISOString());
  line(doc, 'HTTP status / server address', `${f.status} / ${f.remoteAddress ?? 'unknown'}`);
  line(
    doc,
    'Method',
    f.method === 'browser'
      ? `Chromium ${f.browserVersion ?? ''}`
      : `plain HTTP${f.fallbackReason ? ` (browser failed: ${f.fallbackReason})` : ''}`,
  );
  line(doc, 'User agent', f.userAgent);
  line(
    doc,
    'Market / locale / time zone',
    `${f.market ?? '—'} / ${f.locale ?? '—'} / ${f.timezoneId ?? '—'}`,
  );
  if (f.blocked.length > 0) {
    // Pages with many third-party links can have hundreds; the full list is in manifest.json.
    const shown = f.blocked
      .slice(0, BLOCKED_SHOWN)
      .map((b) => b.url)
      .join(', ');
    line(
      doc,
      `Requests refused by the SSRF guard (${f.blocked.length})`,
      f.blocked.length > BLOCKED_SHOWN ? `${shown}, … (all in manifest.json)` : shown,
    );
  }
  for (const [name, ref] of Object.entries(capture.artifacts))
    line(doc, name, `sha256 ${ref.sha256}, ${ref.sizeBytes} bytes`);
  const screenshot = images.screenshots.get(alert.id);
  if (screenshot) {
    doc.addPage();
    heading(doc, `Screenshot: ${f.finalUrl}`, 10);
    doc.image(screenshot, { fit: [doc.page.width - 100, doc.page.height - 140], align: 'center' });
  }
}

function column(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  title: string,
  lines: string[],
  image: Buffer | undefined,
): void {
  doc.font('bold').fontSize(11).text(title, x, y, { width }).font('body').fontSize(10);
  for (const text of lines) doc.text(text, x, doc.y, { width });
  if (image) {
    try {
      doc.image(image, x, doc.y + 4, { fit: [width, 100] });
      doc.y += 108;
    } catch {
      doc.text('(image stored but not in a format the report can show: see the pack files)', x, doc.y, {
        width,
      });
    }
  }
}
