import PDFDocument from 'pdfkit';
import { createCompactPayload, formatDate, formatDateTime, qrModules, verificationUrl } from './contrassegno.js';
import { visuraFonts } from './fonts.js';
import type { SealKeystore } from './seal-keystore.js';
import type { VisuraDocumentInput, VisuraRow, VisuraSection, VisuraTable } from './visura-document.types.js';
import { DEFAULT_LEGAL_FOOTER, DEFAULT_PREAMBLE, VISURA_TITLES } from './visura-titles.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 44, bottom: 56 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Lowest y of body content; the page footer sits below it. */
const BODY_BOTTOM = PAGE.height - MARGIN.bottom;
const LABEL_WIDTH = 150;
const COLOR = { text: '#1a1a1a', muted: '#5c6f82', primary: '#0066cc', rule: '#d4dbe3', band: '#eef3f8' };
const FONT = { regular: 'TitilliumWeb-Regular', semibold: 'TitilliumWeb-SemiBold', bold: 'TitilliumWeb-Bold' };
const QR_URL_SIZE = 88;
const QR_SEAL_SIZE = 100;

export interface RenderOptions {
  /**
   * The Comune's seal: when given, a second QR carries the signed compact payload (offline check).
   * Signing is deterministic for RSA keys only; with EC keys the payload differs at every render.
   */
  seal?: SealKeystore;
}

/**
 * Lays out a visura as a tagged PDF/A-2b (Titillium Web embedded, sRGB output intent, XMP with
 * pdfaid part 2 / conformance B, title and language it-IT). The result is unsealed: pass it to
 * sealPdf. For the same input (and an RSA seal) the bytes are identical, so a document is reproducible.
 */
export async function renderVisura(input: VisuraDocumentInput, options: RenderOptions = {}): Promise<Buffer> {
  const title = input.title ?? VISURA_TITLES[input.type];
  const doc = new PDFDocument({
    size: 'A4',
    // No default font: pdfkit would load Helvetica's metrics for every document, and every text here sets its font.
    font: '',
    margins: { top: MARGIN.top, bottom: 24, left: MARGIN.left, right: MARGIN.right },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'it-IT',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${title} - Comune di ${input.comune.name}`,
      Author: `Comune di ${input.comune.name}`,
      Subject: `${title}, documento ${input.documentId}`,
      Creator: 'GeRes visure',
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = visuraFonts();
  // pdfkit accepts an already parsed fontkit font; its typings only list byte sources.
  doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT.semibold, fonts.semibold as unknown as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer);

  const layout = new VisuraLayout(doc, input, title);
  layout.header();
  layout.preamble(input.preamble ?? DEFAULT_PREAMBLE);
  for (const section of input.sections) layout.section(section);
  layout.protocol();
  layout.legalFooter(input.legalFooter ?? DEFAULT_LEGAL_FOOTER);
  layout.contrassegno(options.seal ? createCompactPayload(input, options.seal) : undefined);
  layout.finish();
  doc.end();
  return done;
}

class VisuraLayout {
  private readonly root: Struct;
  private y = MARGIN.top;

  constructor(
    private readonly doc: Doc,
    private readonly input: VisuraDocumentInput,
    private readonly title: string,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  header(): void {
    const { doc, input } = this;
    const logoSize = 52;
    if (input.comune.logo && input.comune.logo.length > 0) {
      const logo = Buffer.from(input.comune.logo);
      this.root.add(
        doc.struct('Figure', { alt: `Stemma del Comune di ${input.comune.name}` }, () => {
          doc.image(logo, MARGIN.left, this.y, { fit: [logoSize, logoSize], align: 'center', valign: 'center' });
        }),
      );
    } else {
      this.artifact(() => this.defaultEmblem(MARGIN.left, this.y, logoSize));
    }
    const textX = MARGIN.left + logoSize + 14;
    this.tag('P', () => {
      doc.font(FONT.regular).fontSize(11).fillColor(COLOR.muted).text('Comune di', textX, this.y + 4, { width: CONTENT_WIDTH - logoSize - 14 });
    });
    this.tag('P', () => {
      doc.font(FONT.bold).fontSize(21).fillColor(COLOR.text).text(input.comune.name, textX, this.y + 17, { width: CONTENT_WIDTH - logoSize - 14 });
    });
    this.y += logoSize + 8;
    this.rule(this.y, COLOR.primary, 1.2);
    this.y += 12;
    const titleHeight = doc.font(FONT.bold).fontSize(18).heightOfString(this.title, { width: CONTENT_WIDTH, align: 'center' });
    this.tag('H1', () => {
      doc.fillColor(COLOR.primary).text(this.title, MARGIN.left, this.y, { width: CONTENT_WIDTH, align: 'center' });
    });
    this.y += titleHeight + 8;
  }

  preamble(lines: readonly string[]): void {
    const { doc } = this;
    for (const line of lines) {
      doc.font(FONT.regular).fontSize(8);
      const h = doc.heightOfString(line, { width: CONTENT_WIDTH, lineGap: 0.5 });
      this.ensureSpace(h + 1);
      this.tag('P', () => {
        doc.fillColor(COLOR.muted).text(line, MARGIN.left, this.y, { width: CONTENT_WIDTH, lineGap: 0.5 });
      });
      this.y += h + 1;
    }
    this.y += 8;
  }

  section(section: VisuraSection): void {
    const { doc } = this;
    if (section.heading) {
      // Keep the heading with at least its first row.
      this.ensureSpace(40);
      this.tag('H2', () => {
        doc.font(FONT.semibold).fontSize(11.5).fillColor(COLOR.primary).text(section.heading!, MARGIN.left, this.y, { width: CONTENT_WIDTH });
      });
      this.y += 16;
      this.rule(this.y, COLOR.primary, 0.6);
      this.y += 2;
    }
    if (section.rows && section.rows.length > 0) this.rows(section.rows);
    if (section.table) this.table(section.table);
    if (section.note) {
      doc.font(FONT.regular).fontSize(9);
      const h = doc.heightOfString(section.note, { width: CONTENT_WIDTH });
      this.ensureSpace(h + 4);
      this.tag('P', () => {
        doc.fillColor(COLOR.text).text(section.note!, MARGIN.left, this.y + 2, { width: CONTENT_WIDTH });
      });
      this.y += h + 4;
    }
    this.y += 8;
  }

  /** Label/value rows, as a two-column table for screen readers (TH label, TD value). */
  private rows(rows: VisuraRow[], struct: Struct = this.root): void {
    const { doc } = this;
    const table = doc.struct('Table');
    struct.add(table);
    const valueX = MARGIN.left + LABEL_WIDTH;
    const valueWidth = CONTENT_WIDTH - LABEL_WIDTH;
    for (const row of rows) {
      const labelH = doc.font(FONT.semibold).fontSize(9).heightOfString(row.label, { width: LABEL_WIDTH - 8 });
      const valueH = doc.font(FONT.regular).fontSize(10).heightOfString(row.value || '-', { width: valueWidth });
      const h = Math.max(labelH, valueH) + 3;
      this.ensureSpace(h);
      const tr = doc.struct('TR');
      table.add(tr);
      const top = this.y + 2;
      tr.add(
        doc.struct('TH', {}, () => {
          doc.font(FONT.semibold).fontSize(9).fillColor(COLOR.muted).text(row.label, MARGIN.left, top + 1, { width: LABEL_WIDTH - 8 });
        }),
      );
      tr.add(
        doc.struct('TD', {}, () => {
          doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text).text(row.value || '-', valueX, top, { width: valueWidth });
        }),
      );
      tr.end();
      this.y += h;
      this.rule(this.y, COLOR.rule, 0.5);
    }
    table.end();
  }

  private table(spec: VisuraTable): void {
    const { doc } = this;
    if (spec.caption) {
      this.ensureSpace(40);
      this.tag('Caption', () => {
        doc.font(FONT.semibold).fontSize(10).fillColor(COLOR.text).text(spec.caption!, MARGIN.left, this.y + 2, { width: CONTENT_WIDTH });
      });
      this.y += 18;
    }
    const pad = 4;
    const widths = columnWidths(doc, spec, pad);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const table = doc.struct('Table');
    this.root.add(table);
    const cellHeight = (cells: string[], font: string, size: number) =>
      Math.max(...cells.map((c, i) => doc.font(font).fontSize(size).heightOfString(c || '-', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    const headerH = cellHeight(spec.columns, FONT.semibold, 9);
    const drawHeader = () => {
      this.artifact(() => doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, headerH).fill(COLOR.band));
      const tr = doc.struct('TR');
      table.add(tr);
      const top = this.y;
      spec.columns.forEach((column, i) => {
        tr.add(
          doc.struct('TH', {}, () => {
            doc.font(FONT.semibold).fontSize(9).fillColor(COLOR.muted).text(column, xs[i]! + pad, top + pad, { width: widths[i]! - 2 * pad });
          }),
        );
      });
      tr.end();
      this.y += headerH;
    };
    this.ensureSpace(headerH + 20);
    drawHeader();
    for (const row of spec.rows) {
      const h = cellHeight(row, FONT.regular, 9.5);
      if (this.ensureSpace(h)) drawHeader(); // repeat the column headings on the new page
      const tr = doc.struct('TR');
      table.add(tr);
      const top = this.y;
      row.forEach((cell, i) => {
        tr.add(
          doc.struct('TD', {}, () => {
            doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.text).text(cell || '-', xs[i]! + pad, top + pad, { width: widths[i]! - 2 * pad });
          }),
        );
      });
      tr.end();
      this.y += h;
      this.rule(this.y, COLOR.rule, 0.5);
    }
    table.end();
  }

  protocol(): void {
    const { input } = this;
    const rows: VisuraRow[] = [
      { label: 'Data', value: formatDateTime(input.anpr.date) },
      { label: 'Protocollo ANPR', value: input.anpr.protocol },
      { label: 'Richiesto da', value: input.requestedBy },
    ];
    if (input.mediator) rows.push({ label: 'Mediatore ANPR', value: input.mediator });
    this.ensureSpace(rows.length * 17 + 14);
    this.y += 2;
    this.rule(this.y, COLOR.primary, 0.8);
    this.y += 2;
    const sect = this.doc.struct('Sect');
    this.root.add(sect);
    this.rows(rows, sect);
    sect.end();
    this.y += 10;
  }

  legalFooter(text: string): void {
    const { doc } = this;
    doc.font(FONT.regular).fontSize(8.5);
    const h = doc.heightOfString(text, { width: CONTENT_WIDTH, align: 'justify', lineGap: 0.5 });
    this.ensureSpace(h + 8);
    this.tag('P', () => {
      doc.fillColor(COLOR.text).text(text, MARGIN.left, this.y, { width: CONTENT_WIDTH, align: 'justify', lineGap: 0.5 });
    });
    this.y += h + 10;
  }

  /** QR with the verification URL, the same data in clear text, and the QR of the signed payload. */
  contrassegno(compactPayload: string | undefined): void {
    const { doc, input } = this;
    const url = verificationUrl(input);
    const blockH = Math.max(QR_URL_SIZE, compactPayload ? QR_SEAL_SIZE + 12 : 0) + 18;
    this.ensureSpace(blockH);
    const top = this.y;
    this.artifact(() => doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, blockH, 4).lineWidth(0.6).stroke(COLOR.rule));
    const qrX = MARGIN.left + 10;
    const qrY = top + 11;
    this.root.add(
      doc.struct('Figure', { alt: `Codice QR con l'indirizzo di verifica: ${url}` }, () => this.drawQr(url, qrX, qrY, QR_URL_SIZE)),
    );
    const textX = qrX + QR_URL_SIZE + 12;
    const textWidth = CONTENT_WIDTH - (textX - MARGIN.left) - (compactPayload ? QR_SEAL_SIZE + 24 : 10);
    let ty = qrY - 1;
    const line = (label: string, value: string, valueFont = FONT.regular) => {
      this.tag('P', () => {
        doc.font(FONT.semibold).fontSize(8.5).fillColor(COLOR.muted).text(`${label} `, textX, ty, { width: textWidth, continued: true });
        doc.font(valueFont).fontSize(8.5).fillColor(COLOR.text).text(value);
      });
      ty += doc.heightOfString(`${label} ${value}`, { width: textWidth }) + 2;
    };
    this.tag('H2', () => {
      doc.font(FONT.semibold).fontSize(9.5).fillColor(COLOR.primary).text('Contrassegno elettronico (Circolare AgID n. 62/2013)', textX, ty, { width: textWidth });
    });
    ty += 15;
    line('Verifica dell\'originale:', url);
    line('ID documento:', input.documentId, FONT.bold);
    line('Codice di verifica (CVD):', input.verification.code, FONT.bold);
    line('Verificabile fino al:', formatDate(input.verification.expiresOn));
    if (compactPayload) {
      const sx = MARGIN.left + CONTENT_WIDTH - QR_SEAL_SIZE - 10;
      this.root.add(
        doc.struct('Figure', { alt: 'Codice QR con i dati del documento firmati con il sigillo del Comune, per la verifica senza rete' }, () =>
          this.drawQr(compactPayload, sx, top + 8, QR_SEAL_SIZE),
        ),
      );
      this.tag('P', () => {
        doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted).text('Dati firmati (verifica offline)', sx - 10, top + 8 + QR_SEAL_SIZE + 2, {
          width: QR_SEAL_SIZE + 20,
          align: 'center',
        });
      });
    }
    this.y = top + blockH + 8;
  }

  /** Page footers (document id, page n of m) on every page, written once the page count is known. */
  finish(): void {
    const { doc, input } = this;
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the body must not start a new page
      this.artifact(() => {
        const y = PAGE.height - 36;
        doc.moveTo(MARGIN.left, y - 6).lineTo(PAGE.width - MARGIN.right, y - 6).lineWidth(0.5).stroke(COLOR.rule);
        doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
        doc.text(`Comune di ${input.comune.name} · ${this.title} · ID documento ${input.documentId}`, MARGIN.left, y, { width: CONTENT_WIDTH - 80, lineBreak: false });
        doc.text(`Pagina ${i + 1} di ${range.count}`, PAGE.width - MARGIN.right - 80, y, { width: 80, align: 'right', lineBreak: false });
      });
      doc.page.margins.bottom = bottomMargin;
    }
    this.root.end();
  }

  /** Starts a new page when `height` does not fit; returns whether it did. */
  private ensureSpace(height: number): boolean {
    if (this.y + height <= BODY_BOTTOM) return false;
    const { doc, input } = this;
    doc.addPage();
    this.y = MARGIN.top;
    this.artifact(() => {
      doc.font(FONT.semibold).fontSize(9).fillColor(COLOR.muted);
      doc.text(`Comune di ${input.comune.name} · ${this.title} (segue)`, MARGIN.left, this.y, { width: CONTENT_WIDTH, lineBreak: false });
    });
    this.y += 14;
    this.rule(this.y, COLOR.primary, 0.8);
    this.y += 12;
    return true;
  }

  private tag(type: string, draw: () => void): void {
    this.root.add(this.doc.struct(type, {}, draw));
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  private rule(y: number, color: string, width: number): void {
    this.artifact(() => this.doc.moveTo(MARGIN.left, y).lineTo(PAGE.width - MARGIN.right, y).lineWidth(width).stroke(color));
  }

  private drawQr(text: string, x: number, y: number, size: number): void {
    const { doc } = this;
    const qr = qrModules(text);
    const quiet = 2; // modules of margin inside the drawn square; the box around adds the rest
    const cell = size / (qr.size + 2 * quiet);
    doc.save();
    doc.rect(x, y, size, size).fill('#ffffff');
    for (let row = 0; row < qr.size; row++) {
      // One rectangle per horizontal run of dark modules: a third of the drawing operators.
      for (let col = 0; col < qr.size; col++) {
        if (!qr.dark(row, col)) continue;
        let end = col + 1;
        while (end < qr.size && qr.dark(row, end)) end++;
        doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, (end - col) * cell + 0.02, cell + 0.02);
        col = end;
      }
    }
    doc.fill('#000000');
    doc.restore();
  }

  /** A neutral civic emblem (shield with a tower) for a Comune without an uploaded logo. */
  private defaultEmblem(x: number, y: number, size: number): void {
    const { doc } = this;
    const w = size * 0.82;
    const left = x + (size - w) / 2;
    doc
      .moveTo(left, y + 2)
      .lineTo(left + w, y + 2)
      .lineTo(left + w, y + size * 0.55)
      .quadraticCurveTo(left + w, y + size * 0.9, left + w / 2, y + size - 1)
      .quadraticCurveTo(left, y + size * 0.9, left, y + size * 0.55)
      .closePath()
      .lineWidth(1.6)
      .fillAndStroke(COLOR.band, COLOR.primary);
    const tw = w * 0.42;
    const tx = left + (w - tw) / 2;
    const ty = y + size * 0.22;
    const merlon = tw / 5;
    doc.moveTo(tx, ty + size * 0.5).lineTo(tx, ty);
    for (let i = 0; i < 5; i++) {
      const mx = tx + i * merlon;
      if (i % 2 === 0) doc.lineTo(mx, ty - merlon).lineTo(mx + merlon, ty - merlon).lineTo(mx + merlon, ty);
      else doc.lineTo(mx + merlon, ty);
    }
    doc.lineTo(tx + tw, ty + size * 0.5).closePath().fill(COLOR.primary);
    doc.rect(tx + tw / 2 - merlon * 0.6, ty + size * 0.3, merlon * 1.2, size * 0.2).fill(COLOR.band);
  }
}

/**
 * Column widths from the measured text: each column gets its natural width when the table fits,
 * otherwise the columns that can wrap give up space first, never below their longest word.
 */
function columnWidths(doc: Doc, spec: VisuraTable, pad: number): number[] {
  const measure = (text: string, font: string, size: number) => doc.font(font).fontSize(size).widthOfString(text) + 2 * pad + 1;
  const natural = spec.columns.map((column, i) =>
    Math.max(measure(column, FONT.semibold, 9), ...spec.rows.map((r) => measure(r[i] || '-', FONT.regular, 9.5))),
  );
  const minimum = spec.columns.map((column, i) =>
    Math.max(
      ...[column, ...spec.rows.map((r) => r[i] || '-')].flatMap((cell, j) =>
        cell.split(/\s+/).map((word) => measure(word, j === 0 ? FONT.semibold : FONT.regular, j === 0 ? 9 : 9.5)),
      ),
    ),
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= CONTENT_WIDTH) return natural.map((w) => (w / sum(natural)) * CONTENT_WIDTH);
  if (sum(minimum) >= CONTENT_WIDTH) return minimum.map((w) => (w / sum(minimum)) * CONTENT_WIDTH);
  const k = (CONTENT_WIDTH - sum(minimum)) / (sum(natural) - sum(minimum));
  return natural.map((w, i) => minimum[i]! + (w - minimum[i]!) * k);
}
