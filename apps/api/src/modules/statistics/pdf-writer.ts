import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;

/**
 * A small top-to-bottom PDF writer for reports: headings, wrapped paragraphs and label/value rows,
 * with page breaks. Standard fonts only encode WinAnsi, so other characters become '?'.
 */
export class ReportPdf {
  private page!: PDFPage;
  private y = 0;
  private charset!: Set<number>;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  static async create(title: string): Promise<ReportPdf> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Schakel');
    doc.setProducer('Schakel (pdf-lib)');
    const w = new ReportPdf(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
    w.charset = new Set(w.regular.getCharacterSet());
    w.newPage();
    return w;
  }

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private safe(text: string): string {
    return [...text.replace(/[\t\r\n\u00a0]/g, ' ')].map((ch) => (this.charset.has(ch.codePointAt(0)!) ? ch : '?')).join('');
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of this.safe(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate;
        continue;
      }
      lines.push(line);
      line = word;
    }
    lines.push(line);
    return lines;
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  text(text: string, opts: { bold?: boolean; size?: number; gap?: number; indent?: number; grey?: boolean } = {}) {
    const font = opts.bold ? this.bold : this.regular;
    const size = opts.size ?? 10;
    for (const line of this.wrap(text, font, size, WIDTH - (opts.indent ?? 0))) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN + (opts.indent ?? 0), y: this.y, size, font, color: opts.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0) });
    }
    this.y -= opts.gap ?? 0;
  }

  heading(text: string) {
    this.ensure(40);
    this.y -= 8;
    this.text(text, { bold: true, size: 12, gap: 2 });
  }

  /** A label on the left, a value right-aligned (counts) or left after the label. */
  row(label: string, value: string) {
    const size = 10;
    const valueWidth = this.regular.widthOfTextAtSize(this.safe(value), size);
    const lines = this.wrap(label, this.regular, size, WIDTH - 90);
    lines.forEach((line, i) => {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN + 8, y: this.y, size, font: this.regular });
      if (i === 0) this.page.drawText(this.safe(value), { x: MARGIN + WIDTH - valueWidth, y: this.y, size, font: this.regular });
    });
  }

  async finish(footer: string): Promise<Buffer> {
    const pages = this.doc.getPages();
    pages.forEach((p, i) =>
      p.drawText(this.safe(`${footer}  -  ${i + 1}/${pages.length}`), { x: MARGIN, y: MARGIN / 2, size: 7, font: this.regular, color: rgb(0.4, 0.4, 0.4) }),
    );
    return Buffer.from(await this.doc.save());
  }
}
