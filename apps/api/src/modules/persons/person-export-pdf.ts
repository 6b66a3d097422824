import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/** Standard fonts encode WinAnsi only: anything else becomes '?' rather than failing the export. */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return [...text].map((ch) => (set.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out;
}

/** The art. 15 export as a readable PDF: every section of the JSON, flattened to labelled lines. */
export async function renderPersonExportPdf(title: string, data: Record<string, unknown>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const line = (text: string, f = font, size = 9, indent = 0) => {
    for (const l of wrap(f, size, encodable(f, text), A4[0] - 2 * MARGIN - indent)) {
      if (y < MARGIN) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(l, { x: MARGIN + indent, y, size, font: f });
      y -= size + 4;
    }
  };
  line(title, bold, 14);
  y -= 6;
  const walk = (value: unknown, label: string, depth: number): void => {
    if (value !== null && typeof value === 'object') {
      line(label, depth === 0 ? bold : font, depth === 0 ? 11 : 9, depth * 10);
      const entries = Array.isArray(value) ? value.map((v, i) => [`${i + 1}.`, v] as const) : Object.entries(value);
      if (!entries.length) line('-', font, 9, (depth + 1) * 10);
      for (const [k, v] of entries) walk(v, String(k), depth + 1);
      return;
    }
    line(`${label}: ${value === null || value === undefined ? '-' : String(value)}`, font, 9, depth * 10);
  };
  for (const [k, v] of Object.entries(data)) walk(v, k, 0);
  return Buffer.from(await doc.save());
}
