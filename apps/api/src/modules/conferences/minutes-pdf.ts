import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { MINUTES_SEAL_VERSION } from './minutes-seal';
import { USE_RESTRICTION_458TER } from '@schakel/domain';

export interface MinutesPdfItem {
  position: number;
  reference: string;
  minutes: string | null;
  attendance: { name: string; agency: string; present: boolean }[];
  decisions: { type: string; rationale: string }[];
}

export interface MinutesPdfInput {
  locale: string;
  /** The languages the document is written in, in order (two for a bilingual protocol); defaults to `locale`. */
  locales?: string[];
  conferenceId: string;
  scheduledAt: Date;
  closedAt: Date;
  location: string;
  protocol: { title: string; reference: string | null };
  chair: { name: string; agency: string };
  /** The agenda items the reader may see (an extract when fewer than `totalItems`). */
  items: MinutesPdfItem[];
  totalItems: number;
  hash: string;
  signature: string;
  publicKey: string;
}

type Labels = typeof LABELS.nl;

const LABELS = {
  nl: {
    title: 'Verslag casusoverleg',
    confidential: 'Vertrouwelijk: beroepsgeheim van de deelnemers (art. 458ter Sw.)',
    date: 'Datum',
    location: 'Locatie',
    protocol: 'Protocol',
    chair: 'Voorzitter',
    closed: 'Afgesloten',
    item: 'Agendapunt',
    attendance: 'Aanwezigheid',
    present: 'aanwezig',
    absent: 'afwezig',
    minutes: 'Verslag',
    decisions: 'Beslissingen',
    noMinutes: '(geen verslag opgenomen)',
    none: '(geen)',
    seal: 'Verzegeling',
    hash: 'SHA-256 van het verslag',
    signature: 'Ed25519-handtekening (base64)',
    publicKey: 'Publieke sleutel (SPKI, base64)',
    signedInput: 'Ondertekende tekst',
    signed: 'Dit verslag is ondertekend met de ondertekeningssleutel van Schakel; de hash geldt voor het volledige verslag.',
    extract: (n: number, m: number) => `Uittreksel: ${n} van ${m} agendapunten, de punten waartoe u toegang hebt.`,
    decision: { INCLUDE: 'Opnemen in de ketenaanpak', REFER_ELSEWHERE: 'Doorverwijzen', NO_FURTHER_ACTION: 'Geen verdere actie' } as Record<string, string>,
    page: 'Pagina',
  },
  fr: {
    title: 'Procès-verbal de la concertation de cas',
    confidential: 'Confidentiel : secret professionnel des participants (art. 458ter C. pén.)',
    date: 'Date',
    location: 'Lieu',
    protocol: 'Protocole',
    chair: 'Président·e',
    closed: 'Clôturé',
    item: 'Point',
    attendance: 'Présences',
    present: 'présent·e',
    absent: 'absent·e',
    minutes: 'Procès-verbal',
    decisions: 'Décisions',
    noMinutes: '(aucun procès-verbal)',
    none: '(aucune)',
    seal: 'Scellement',
    hash: 'SHA-256 du procès-verbal',
    signature: 'Signature Ed25519 (base64)',
    publicKey: 'Clé publique (SPKI, base64)',
    signedInput: 'Texte signé',
    signed: 'Ce procès-verbal est signé avec la clé de signature de Schakel ; le hash couvre le procès-verbal complet.',
    extract: (n: number, m: number) => `Extrait : ${n} points sur ${m}, ceux auxquels vous avez accès.`,
    decision: { INCLUDE: "Inclusion dans l'approche en chaîne", REFER_ELSEWHERE: 'Réorientation', NO_FURTHER_ACTION: "Pas d'autre action" } as Record<
      string,
      string
    >,
    page: 'Page',
  },
  en: {
    title: 'Case conference minutes',
    confidential: 'Confidential: participants are bound by professional secrecy (art. 458ter Criminal Code)',
    date: 'Date',
    location: 'Location',
    protocol: 'Protocol',
    chair: 'Chair',
    closed: 'Closed',
    item: 'Agenda item',
    attendance: 'Attendance',
    present: 'present',
    absent: 'absent',
    minutes: 'Minutes',
    decisions: 'Decisions',
    noMinutes: '(no minutes recorded)',
    none: '(none)',
    seal: 'Seal',
    hash: 'SHA-256 of the minutes',
    signature: 'Ed25519 signature (base64)',
    publicKey: 'Public key (SPKI, base64)',
    signedInput: 'Signed text',
    signed: 'These minutes are signed with the Schakel signing key; the hash covers the complete minutes.',
    extract: (n: number, m: number) => `Extract: ${n} of ${m} agenda items, those you have access to.`,
    decision: { INCLUDE: 'Include in the chain approach', REFER_ELSEWHERE: 'Refer elsewhere', NO_FURTHER_ACTION: 'No further action' } as Record<
      string,
      string
    >,
    page: 'Page',
  },
};

/**
 * The languages of the minutes: a protocol's language regime (NL, FR or BILINGUAL, Dutch first as
 * in Brussels practice) decides; without one, the reader's own language.
 */
export function pdfLocales(languageRegime: string | null | undefined, readerLocale: string): string[] {
  if (languageRegime === 'NL') return ['nl'];
  if (languageRegime === 'FR') return ['fr'];
  if (languageRegime === 'BILINGUAL') return ['nl', 'fr'];
  return [readerLocale in LABELS ? readerLocale : 'nl'];
}

/** The labels in one language, or each label in both languages side by side ("Datum / Date"). */
function labelsFor(locales: string[]): Labels {
  const sets = locales.map((l) => LABELS[l as keyof typeof LABELS] ?? LABELS.nl);
  if (sets.length === 1) return sets[0]!;
  const join = (pick: (l: Labels) => string) => [...new Set(sets.map(pick))].join(' / ');
  const codes = Object.keys(sets[0]!.decision);
  return {
    ...Object.fromEntries(Object.keys(sets[0]!).map((k) => [k, join((l) => (l as unknown as Record<string, string>)[k]!)])),
    extract: (n: number, m: number) => sets.map((l) => l.extract(n, m)).join(' / '),
    decision: Object.fromEntries(codes.map((code) => [code, join((l) => l.decision[code]!)])),
  } as Labels;
}

const INTL_LOCALE: Record<string, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** A date and time as people in Brussels read it, whatever the server's time zone. */
export function brusselsDateTime(d: Date, locale: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? 'nl-BE', {
    timeZone: 'Europe/Brussels',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/** A top-to-bottom writer over A4 pages with word wrapping and page breaks. */
class Writer {
  private page: PDFPage;
  private y = 0;
  private readonly charsets = new Map<PDFFont, Set<number>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
  ) {
    this.page = this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return this.page;
  }

  /** The standard fonts only encode WinAnsi: anything else becomes '?' instead of failing the whole PDF. */
  private safe(text: string, font: PDFFont): string {
    let set = this.charsets.get(font);
    if (!set) this.charsets.set(font, (set = new Set(font.getCharacterSet())));
    return [...text.replace(/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')]
      .map((ch) => (ch === '\n' || ch === '\r' || set.has(ch.codePointAt(0)!) ? ch : '?'))
      .join('');
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        // A word wider than the line (a hash, a URL) is cut where it overflows.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let n = rest.length - 1;
          while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
          lines.push(rest.slice(0, n));
          rest = rest.slice(n);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, opts: { font?: 'regular' | 'bold' | 'mono'; size?: number; indent?: number; gap?: number; color?: [number, number, number] } = {}): void {
    const font = this.fonts[opts.font ?? 'regular'];
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const leading = size * 1.35;
    for (const line of this.wrap(this.safe(text, font), font, size, WIDTH - indent)) {
      if (this.y - leading < MARGIN) this.newPage();
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: rgb(...(opts.color ?? [0, 0, 0])) });
    }
    this.y -= opts.gap ?? 0;
  }

  space(points: number): void {
    this.y -= points;
  }

  rule(): void {
    if (this.y - 12 < MARGIN) {
      this.newPage();
      return;
    }
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 6;
  }

  footers(label: string, note: string): void {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => {
      const footer = this.safe(`${note}  ·  ${label} ${i + 1}/${pages.length}`, this.fonts.regular);
      p.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 7, font: this.fonts.regular, color: rgb(0.4, 0.4, 0.4) });
    });
  }
}

/** The signed minutes of a closed conference as a PDF (pdf-lib, standard fonts, A4). */
export async function renderMinutesPdf(input: MinutesPdfInput): Promise<Buffer> {
  const locales = input.locales?.length ? input.locales : [input.locale];
  const l: Labels = labelsFor(locales);
  const dateLocale = locales[0]!;
  const doc = await PDFDocument.create();
  doc.setTitle(l.title);
  doc.setCreator('Schakel');
  doc.setProducer('Schakel (pdf-lib)');
  doc.setCreationDate(input.closedAt);
  doc.setModificationDate(input.closedAt);
  // The seal is also in the document information, readable without rendering the pages.
  // (setTitle() above created the Info dictionary; it is reached through the document's context.)
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('SchakelMinutesHash'), PDFString.of(input.hash));
  info.set(PDFName.of('SchakelMinutesSignature'), PDFString.of(input.signature));
  info.set(PDFName.of('SchakelConference'), PDFString.of(input.conferenceId));

  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const w = new Writer(doc, fonts);

  w.text(l.title, { font: 'bold', size: 18, gap: 2 });
  w.text(l.confidential, { size: 9, color: [0.55, 0.1, 0.1], gap: 2 });
  // Art. 458ter §2: what the conference shares may only serve to prosecute the offences it was set up for.
  for (const lang of locales)
    w.text(USE_RESTRICTION_458TER.text[lang as 'nl' | 'fr' | 'en'] ?? USE_RESTRICTION_458TER.text.nl, {
      size: 9,
      color: [0.55, 0.1, 0.1],
      gap: lang === locales[locales.length - 1] ? 8 : 2,
    });
  w.text(`${l.date}: ${brusselsDateTime(input.scheduledAt, dateLocale)}`);
  w.text(`${l.location}: ${input.location}`);
  w.text(`${l.protocol}: ${input.protocol.title}${input.protocol.reference ? ` (${input.protocol.reference})` : ''}`);
  w.text(`${l.chair}: ${input.chair.name}, ${input.chair.agency}`);
  w.text(`${l.closed}: ${brusselsDateTime(input.closedAt, dateLocale)}`, { gap: 4 });
  if (input.items.length < input.totalItems) w.text(l.extract(input.items.length, input.totalItems), { size: 9, color: [0.3, 0.3, 0.3], gap: 4 });

  for (const item of input.items) {
    w.rule();
    w.text(`${l.item} ${item.position}: ${item.reference}`, { font: 'bold', size: 13, gap: 4 });
    w.text(l.attendance, { font: 'bold' });
    if (!item.attendance.length) w.text(l.none, { indent: 12 });
    for (const a of item.attendance) w.text(`${a.present ? '[x]' : '[ ]'} ${a.name}, ${a.agency} (${a.present ? l.present : l.absent})`, { indent: 12 });
    w.space(4);
    w.text(l.minutes, { font: 'bold' });
    w.text(item.minutes ?? l.noMinutes, { indent: 12, gap: 4 });
    w.text(l.decisions, { font: 'bold' });
    if (!item.decisions.length) w.text(l.none, { indent: 12 });
    // Labels only: a reader of the minutes never has to decode an enumeration value.
    for (const d of item.decisions) w.text(`${l.decision[d.type] ?? l.decision['OTHER'] ?? '-'}: ${d.rationale}`, { indent: 12 });
    w.space(4);
  }

  w.rule();
  w.text(l.seal, { font: 'bold', size: 13, gap: 4 });
  w.text(l.signed, { gap: 4 });
  w.text(`${l.hash}:`, { font: 'bold', size: 9 });
  w.text(input.hash, { font: 'mono', size: 9, gap: 2 });
  w.text(`${l.signature}:`, { font: 'bold', size: 9 });
  w.text(input.signature, { font: 'mono', size: 8, gap: 2 });
  w.text(`${l.publicKey}:`, { font: 'bold', size: 9 });
  w.text(input.publicKey, { font: 'mono', size: 8, gap: 2 });
  w.text(`${l.signedInput}:`, { font: 'bold', size: 9 });
  w.text(`${MINUTES_SEAL_VERSION}|${input.conferenceId}|${input.hash}`, { font: 'mono', size: 7 });
  w.footers(l.page, l.confidential);

  // Without object streams the document information (and with it the seal) stays plain text in the file.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
