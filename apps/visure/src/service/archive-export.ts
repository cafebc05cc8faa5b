import PDFDocument from 'pdfkit';
import { visuraFonts } from '../document/fonts.js';

export interface ExportRow {
  createdAt: string;
  type: string;
  state: string;
  criterionKind: string;
  subject: string;
  requester: string;
  documentId: string;
}

const STATE_IT: Record<string, string> = {
  received: 'In lavorazione',
  issued: 'Emessa',
  comune_only: 'Solo Comune di residenza',
  refused: 'Non emettibile',
  pending_mediator: 'In attesa del mediatore',
  pending_silent_consent: 'In attesa (silenzio-assenso)',
  rejected: 'Respinta',
  retrying: 'In attesa di ANPR',
  failed: 'Non completata',
  expired: 'Scaduta',
};

const COLUMNS: Array<{ title: string; width: number; value: (r: ExportRow) => string }> = [
  { title: 'Data e ora', width: 92, value: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
  { title: 'Tipo', width: 150, value: (r) => r.type },
  { title: 'Esito', width: 110, value: (r) => STATE_IT[r.state] ?? r.state },
  { title: 'Criterio', width: 70, value: (r) => r.criterionKind },
  { title: 'Soggetto', width: 150, value: (r) => r.subject },
  { title: 'Richiedente', width: 110, value: (r) => r.requester },
  { title: 'Documento', width: 100, value: (r) => r.documentId },
];

/** The archive as a landscape A4 list (R-VIS-7): one line per request, headings on every page. */
export async function renderArchiveExport(rows: ExportRow[], meta: { title: string; generatedAt: Date; filters: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 28, font: '', info: { Title: meta.title }, lang: 'it-IT', autoFirstPage: true } as never);
  const fonts = visuraFonts();
  doc.registerFont('R', fonts.regular as unknown as Buffer);
  doc.registerFont('B', fonts.semibold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = 28;
  const bottom = doc.page.height - 36;
  const heading = () => {
    doc.font('B').fontSize(8);
    let x = left;
    const y = doc.y;
    for (const c of COLUMNS) {
      doc.text(c.title, x, y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.moveTo(left, y + 11).lineTo(left + COLUMNS.reduce((s, c) => s + c.width, 0), y + 11).lineWidth(0.5).stroke('#5c6f82');
    doc.y = y + 14;
  };
  doc.font('B').fontSize(13).fillColor('#1a1a1a').text(meta.title, left, 28);
  doc.font('R').fontSize(8).text(`Generato il ${meta.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${rows.length} richieste · ${meta.filters}`);
  doc.moveDown(0.6);
  heading();
  doc.font('R').fontSize(7.5);
  for (const r of rows) {
    if (doc.y + 11 > bottom) {
      doc.addPage();
      doc.y = 28;
      heading();
      doc.font('R').fontSize(7.5);
    }
    const y = doc.y;
    let x = left;
    for (const c of COLUMNS) {
      // Cut to the column by the font's own widths: no line breaking, which is most of pdfkit's cost.
      doc.text(fit(doc, c.value(r), c.width - 4), x, y, { lineBreak: false });
      x += c.width;
    }
    doc.y = y + 11;
  }
  doc.end();
  return done;
}

/** The text, shortened with "…" to fit `width` at the current font and size. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(text.slice(0, mid) + '…') <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}
