import { inflateSync } from 'node:zlib';
import { pdfLocales, renderMinutesPdf, type MinutesPdfInput } from './minutes-pdf';

/** The lines pdf-lib drew: content streams are deflated, standard-font strings hex (`<…> Tj`). */
function drawnLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
  }
  return lines;
}

const input = (over: Partial<MinutesPdfInput> = {}): MinutesPdfInput => ({
  locale: 'en',
  conferenceId: '11111111-2222-4333-8444-555555555555',
  scheduledAt: new Date('2026-07-14T12:00:00Z'),
  closedAt: new Date('2026-07-14T13:30:00Z'),
  location: 'FJC Antwerpen, zaal 2',
  protocol: { title: 'Casusoverleg IFG Antwerpen', reference: 'PK/2026/458ter/001' },
  chair: { name: 'An Director', agency: 'FJC Antwerpen' },
  items: [
    {
      position: 1,
      reference: 'CO-2026-00001',
      minutes: 'First paragraph.\nSecond paragraph with 🚨 and Łódź.',
      attendance: [{ name: 'Bert', agency: 'CAW Antwerpen', present: true }],
      decisions: [{ type: 'REFER_ELSEWHERE', rationale: 'Better served by the CGG' }],
    },
  ],
  totalItems: 1,
  hash: 'ab'.repeat(32),
  signature: 'S'.repeat(86) + '==',
  publicKey: 'MCowBQYDK2VwAyEA' + 'P'.repeat(44),
  ...over,
});

describe('minutes PDF', () => {
  it('draws paragraphs as lines and replaces what the standard fonts cannot encode instead of failing', async () => {
    const pdf = await renderMinutesPdf(input());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = drawnLines(pdf);
    expect(lines).toContain('First paragraph.');
    expect(lines).toContain('Second paragraph with ? and ?ód?.');
    expect(lines).toContain('Refer elsewhere: Better served by the CGG');
    expect(lines.join('\n')).not.toContain('REFER_ELSEWHERE');
    expect(lines).toContain('abababababababababababababababababababababababababababababababab');
    expect(lines.some((l) => l.includes('signed with the Schakel signing key'))).toBe(true);
  });

  it('shows the date in Brussels time (summer time here) and says when it is an extract', async () => {
    const lines = drawnLines(await renderMinutesPdf(input({ totalItems: 3 })));
    expect(lines.find((l) => l.startsWith('Date: '))).toMatch(/14 July 2026.*14:00/);
    expect(lines).toContain('Extract: 1 of 3 agenda items, those you have access to.');
  });

  it("writes a bilingual protocol's minutes with Dutch and French labels, never codes", async () => {
    const lines = drawnLines(await renderMinutesPdf(input({ locales: pdfLocales('BILINGUAL', 'en') })));
    expect(lines[0]).toBe('Verslag casusoverleg / Procès-verbal de la concertation');
    expect(lines).toContain('Doorverwijzen / Réorientation: Better served by the CGG');
    expect(lines.find((l) => l.startsWith('Datum / Date: '))).toMatch(/14 juli 2026/);
    expect(lines.join('\n')).not.toMatch(/REFER_ELSEWHERE|INCLUDE|NO_FURTHER_ACTION/);
  });

  it("follows the protocol's regime over the reader's language, and the reader's without one", () => {
    expect(pdfLocales('FR', 'nl')).toEqual(['fr']);
    expect(pdfLocales('NL', 'fr')).toEqual(['nl']);
    expect(pdfLocales(undefined, 'en')).toEqual(['en']);
    expect(pdfLocales(null, 'de')).toEqual(['nl']);
  });

  it('breaks long minutes over pages and numbers them', async () => {
    const lines = drawnLines(await renderMinutesPdf(input({ items: [{ ...input().items[0]!, minutes: 'A sentence of the minutes. '.repeat(600) }] })));
    const footers = lines.filter((l) => /Page \d+\/\d+$/.test(l));
    expect(footers.length).toBeGreaterThan(1);
    expect(footers.at(-1)).toMatch(new RegExp(`Page ${footers.length}/${footers.length}$`));
  });

  it("carries the art. 458ter §2 use restriction in the reader's language", async () => {
    for (const locale of ['nl', 'fr', 'en'] as const) {
      const text = drawnLines(await renderMinutesPdf(input({ locale }))).join(' ');
      expect(text).toContain('458ter §2');
    }
    expect(drawnLines(await renderMinutesPdf(input())).join(' ')).toContain('may only be used for the offences the case conference was set up for');
  });
});
