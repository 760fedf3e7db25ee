// The record document as a PDF, laid out by pdfkit (a maintained PDF library), with page numbers and the chain head
// in every page footer.
import PDFDocument from 'pdfkit';
import type { RecordDocument } from './record-document.ts';

const MARGIN = 50;

/** PDF bytes of the whole record; never shortened (pages are added as needed). */
export function recordToPdf(doc: RecordDocument, meta: { head?: string; createdAt: Date }): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: doc.title, Author: 'breachdesk', Subject: 'Incident record', CreationDate: meta.createdAt } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font('Helvetica-Bold').fontSize(16).text(latin(doc.title), { width });
  pdf.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#444');
  for (const line of doc.preface) pdf.text(latin(line), { width });
  pdf.fillColor('black');
  if (doc.banner) pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(11).fillColor('#b00000').text(latin(doc.banner), { width }).fillColor('black');
  for (const section of doc.sections) {
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(latin(section.heading), { width });
    pdf.moveDown(0.2);
    for (const b of section.blocks) {
      if (b.kind === 'text') pdf.font('Helvetica').fontSize(9.5).text(latin(b.text), { width }).moveDown(0.3);
      else if (b.kind === 'field') pdf.font('Helvetica-Bold').fontSize(9.5).text(`${latin(b.label)}: `, { width, continued: Boolean(b.value) }).font('Helvetica').text(latin(b.value));
      else if (b.kind === 'mono') pdf.font('Courier').fontSize(8.5).text(b.text, { width }).moveDown(0.2);
      else {
        pdf.font('Helvetica-Bold').fontSize(9.5).text(latin(b.title), { width });
        pdf.font('Helvetica').fontSize(9);
        for (const l of b.lines) {
          // Hashes are set in a fixed-width face, small enough to stay on one line (copyable).
          if (/^hash [0-9a-f]{64}$/.test(l)) pdf.font('Courier').fontSize(7.5).text(l, { width, indent: 12 }).font('Helvetica').fontSize(9);
          else pdf.text(latin(l), { width, indent: 12 });
        }
        pdf.moveDown(0.3);
      }
    }
  }
  footers(pdf, meta.head);
  pdf.end();
  return done;
}

function footers(pdf: PDFKit.PDFDocument, head: string | undefined): void {
  const range = pdf.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    pdf.switchToPage(p);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(7).fillColor('#666').text(`Page ${p + 1} of ${range.count}${head ? ` · chain head ${head}` : ''}`, MARGIN, pdf.page.height - 30, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.fillColor('black');
}

// The standard PDF fonts encode WinAnsi only: arrows, dashes and emoji are replaced so nothing prints as garbage. French
// puts a narrow no-break space (U+202F) before ; ? !, which WinAnsi lacks: it becomes the no-break space it has (0xA0).
const REPLACEMENTS: Array<[RegExp, string]> = [[/\u202f/g, '\u00a0'], [/→/g, '->'], [/←/g, '<-'], [/[–—]/g, '-'], [/[‘’]/g, "'"], [/[“”]/g, '"'], [/…/g, '...'], [/≤/g, '<='], [/≥/g, '>='], [/·/g, '·']];

function latin(text: string): string {
  let out = text;
  for (const [from, to] of REPLACEMENTS) out = out.replace(from, to);
  // Anything outside Latin-1 that is left (emoji, other scripts) becomes "?" rather than a wrong glyph.
  return out.replace(/[^\u0000-\u00ff\u20ac]/gu, '?');
}
