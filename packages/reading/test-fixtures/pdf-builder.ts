import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/**
 * Builds test PDFs with real text layout (positions, font sizes, raised note calls), using
 * pdf-lib. A small typesetter flows paragraphs through column frames the way a layout program
 * does, so paragraphs break across columns and pages wherever the space runs out.
 */
export type FontName = 'regular' | 'bold' | 'italic';

export interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
  font?: FontName;
}

export interface PdfInfo {
  title?: string;
  author?: string;
}

const PAGE = { width: 612, height: 792 };

export async function pdfFromRuns(pages: Run[][], info: PdfInfo = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const embedded = await embedFonts(doc);
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  for (const runs of pages) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    for (const r of runs) page.drawText(r.text, { x: r.x, y: r.y, size: r.size, font: embedded[r.font ?? 'regular'] });
  }
  return doc.save();
}

async function embedFonts(doc: PDFDocument): Promise<Record<FontName, PDFFont>> {
  return {
    regular: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
  };
}

let measuring: Promise<Record<FontName, PDFFont>> | undefined;
/** Fonts to measure text with; the standard fonts' metrics are the same in every document. */
function fonts(): Promise<Record<FontName, PDFFont>> {
  measuring ??= PDFDocument.create().then(embedFonts);
  return measuring;
}

/** A paragraph to set. Note calls are written "{3}" right after their word and are set raised and small. */
export interface Para {
  text: string;
  size: number;
  font?: FontName;
  /** Break words at line ends with a hyphen, as justified book text does. */
  hyphenate?: boolean;
  /** Extra space above the paragraph, in points (ignored at the top of a frame). */
  spaceBefore?: number;
}

/** A column on a page: text is set from `top` down to `bottom`. */
export interface Frame {
  page: number;
  x: number;
  top: number;
  bottom: number;
  width: number;
}

const CALL = /\{([^}]+)\}/g;
const LEADING = 1.3;

/** Sets paragraphs into frames in order. Returns the runs of each page and which note calls fell on it. */
export async function typeset(paras: Para[], frames: Frame[]): Promise<{ pages: Run[][]; callsOnPage: string[][] }> {
  const f = await fonts();
  const pages: Run[][] = [];
  const callsOnPage: string[][] = [];
  let frame = 0;
  let y = frames[0]!.top;
  for (const para of paras) {
    const font = f[para.font ?? 'regular'];
    const leading = para.size * LEADING;
    if (y !== frames[frame]!.top) y -= para.spaceBefore ?? para.size * 0.6;
    for (const line of breakLines(para, font, frames[frame]!.width)) {
      if (y - leading < frames[frame]!.bottom) {
        frame++;
        if (!frames[frame]) throw new Error('typeset: out of frames');
        y = frames[frame]!.top;
      }
      const { page, x } = frames[frame]!;
      pages[page] ??= [];
      callsOnPage[page] ??= [];
      setLine(line, x, y, para, font, pages[page]!, callsOnPage[page]!);
      y -= leading;
    }
  }
  return { pages: pages.map((p) => p ?? []), callsOnPage: callsOnPage.map((c) => c ?? []) };
}

const plain = (s: string) => s.replace(CALL, '');
const callSize = (size: number) => size * 0.62;

function width(s: string, font: PDFFont, size: number): number {
  let w = font.widthOfTextAtSize(plain(s), size);
  for (const m of s.matchAll(CALL)) w += font.widthOfTextAtSize(m[1]!, callSize(size)) + 0.5;
  return w;
}

function breakLines(para: Para, font: PDFFont, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of para.text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (width(next, font, para.size) <= max || !line) {
      line = next;
      continue;
    }
    const cut = para.hyphenate ? hyphenPoint(line, word, font, para.size, max) : 0;
    if (cut > 0) {
      lines.push(`${line} ${word.slice(0, cut)}-`);
      line = word.slice(cut);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// The longest head of the word (three letters at least on each side) that still fits with its hyphen.
function hyphenPoint(line: string, word: string, font: PDFFont, size: number, max: number): number {
  if (!/^[a-z]{7,}[,.;]?$/.test(word)) return 0;
  for (let cut = word.replace(/[,.;]$/, '').length - 3; cut >= 3; cut--) {
    if (width(`${line} ${word.slice(0, cut)}-`, font, size) <= max) return cut;
  }
  return 0;
}

function setLine(line: string, x0: number, y: number, para: Para, font: PDFFont, out: Run[], calls: string[]): void {
  let x = x0;
  let at = 0;
  const base = { size: para.size, font: para.font };
  for (const m of line.matchAll(CALL)) {
    const before = line.slice(at, m.index);
    if (before) out.push({ ...base, text: before, x, y });
    x += font.widthOfTextAtSize(before, para.size) + 0.5;
    out.push({ text: m[1]!, x, y: y + para.size * 0.38, size: callSize(para.size), font: para.font });
    x += font.widthOfTextAtSize(m[1]!, callSize(para.size));
    calls.push(m[1]!);
    at = m.index + m[0].length;
  }
  const rest = line.slice(at);
  if (rest) out.push({ ...base, text: rest, x, y });
}

/** Footnotes set in small type at the foot of a page, first one lowest-but-listed-first, from `top` down. */
export async function footnotes(notes: Array<[string, string]>, x: number, top: number, width: number): Promise<Run[]> {
  const f = await fonts();
  const runs: Run[] = [];
  let y = top;
  for (const [label, text] of notes) {
    const lines = breakLines({ text: `${label} ${text}`, size: 8 }, f.regular, width);
    for (const line of lines) {
      runs.push({ text: line, x, y, size: 8 });
      y -= 10;
    }
  }
  return runs;
}

const SAMPLE = [
  'Harbour records show that the pilots of the estuary were paid by the tide rather than by the ship, which encouraged them to take two vessels out on the same flood whenever the weather allowed it.',
  'The pilots kept their own logbooks, and the surviving volumes describe fog, sandbanks that moved from one season to the next, and the occasional argument with a captain who refused to wait for slack water.',
  'When the river authority took over the service it replaced the tide rate with a salary, and the number of vessels each pilot handled in a year fell by almost a third within a decade of the change.',
];

/**
 * A long document of numbered sections with a running header and page numbers, for timing;
 * a page holds up to ten paragraphs.
 */
export async function longPdf(pageCount: number, paragraphsPerPage = 4): Promise<Uint8Array> {
  const pages: Run[][] = [];
  for (let n = 1; n <= pageCount; n++) {
    const paras = Array.from({ length: paragraphsPerPage }, (_, k) => ({
      text: `In part ${k + 1} of section ${n}, ${SAMPLE[(n + k) % 3]!.toLowerCase()}`,
      size: 11,
      hyphenate: true,
    }));
    const body = await typeset(paras, [{ page: 0, x: 72, top: 670, bottom: 72, width: 468 }]);
    pages.push([
      { text: 'Estuary Survey', x: 72, y: 760, size: 9 },
      { text: String(n), x: 300, y: 30, size: 9 },
      ...(n === 1 ? [{ text: 'A Survey of Estuary Pilots', x: 72, y: 730, size: 24, font: 'bold' as const }] : []),
      { text: `${n}. Section ${n}`, x: 72, y: 700, size: 16, font: 'bold' },
      ...body.pages[0]!,
    ]);
  }
  return pdfFromRuns(pages);
}
