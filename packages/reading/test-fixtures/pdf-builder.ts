import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

/** Builds test PDFs with real text layout (positions and font sizes), using pdf-lib. */
export interface Run {
  text: string;
  x: number;
  y: number;
  size: number;
}

export async function pdfFromRuns(pages: Run[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const runs of pages) {
    const page = doc.addPage([612, 792]);
    for (const r of runs) page.drawText(r.text, { x: r.x, y: r.y, size: r.size, font });
  }
  return doc.save();
}

export async function measure(): Promise<PDFFont> {
  const doc = await PDFDocument.create();
  return doc.embedFont(StandardFonts.TimesRoman);
}

/** Greedy line wrap at a width in points, the way a typesetter without hyphenation would. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Flows paragraphs into a column from `top` down, returning the runs and the y reached. */
export function flow(
  font: PDFFont,
  paragraphs: string[],
  opts: { x: number; top: number; width: number; size: number; leading: number },
): { runs: Run[]; y: number } {
  const runs: Run[] = [];
  let y = opts.top;
  for (const p of paragraphs) {
    for (const line of wrap(font, p, opts.size, opts.width)) {
      runs.push({ text: line, x: opts.x, y, size: opts.size });
      y -= opts.leading;
    }
    y -= opts.leading * 0.8;
  }
  return { runs, y };
}

const LOREM = [
  'Harbour records show that the pilots of the estuary were paid by the tide rather than by the ship, which encouraged them to take two vessels out on the same flood whenever the weather allowed it',
  'The pilots kept their own logbooks, and the surviving volumes describe fog, sandbanks that moved from one season to the next, and the occasional argument with a captain who refused to wait for slack water',
  'When the river authority took over the service it replaced the tide rate with a salary, and the number of vessels each pilot handled in a year fell by almost a third within a decade of the change',
];

/**
 * A journal-style article over two pages: running header, page numbers at the foot, superscript
 * note calls in the text, footnotes in small type at the foot of each page, and a paragraph
 * that continues from page one onto page two.
 */
export async function pdfWithFootnotes(): Promise<Uint8Array> {
  const font = await measure();
  const opts = { x: 72, width: 468, size: 11, leading: 14 };
  const header = (n: number): Run[] => [
    { text: 'Journal of Estuary History', x: 72, y: 760, size: 9 },
    { text: String(n), x: 300, y: 30, size: 9 },
  ];
  const page1: Run[] = [...header(1), { text: 'Pilots of the Estuary', x: 72, y: 710, size: 20 }];
  let y = 670;
  const callAt = (text: string, label: string, lineY: number) => {
    const w = font.widthOfTextAtSize(text, 11);
    return { text: label, x: 72 + w + 0.5, y: lineY + 4, size: 7 };
  };
  for (const [i, p] of LOREM.slice(0, 2).entries()) {
    const lines = wrap(font, p + '.', 11, opts.width);
    lines.forEach((line, j) => {
      page1.push({ text: line, x: 72, y, size: 11 });
      if (j === lines.length - 1) page1.push(callAt(line, String(i + 1), y));
      y -= 14;
    });
    y -= 10;
  }
  // A paragraph cut by the page break, mid-sentence.
  const split = wrap(font, LOREM[2]!, 11, opts.width);
  for (const line of split.slice(0, 1)) {
    page1.push({ text: line, x: 72, y, size: 11 });
    y -= 14;
  }
  page1.push({ text: '1 Estuary Pilots Association, minute book, 1881.', x: 72, y: 90, size: 8 });
  page1.push({ text: '2 Logbook of the pilot cutter, winter volume.', x: 72, y: 79, size: 8 });
  const page2: Run[] = [...header(2)];
  y = 720;
  for (const line of split.slice(1)) {
    page2.push({ text: line, x: 72, y, size: 11 });
    y -= 14;
  }
  page2[page2.length - 1]!.text += '.';
  page2.push(callAt(page2[page2.length - 1]!.text, '3', y + 14));
  page2.push({ text: '3 River Authority annual report, 1897.', x: 72, y: 90, size: 8 });
  return pdfFromRuns([page1, page2]);
}

/** One page of a two-column layout with a full-width title. */
export async function twoColumnPdf(): Promise<Uint8Array> {
  const font = await measure();
  const left = flow(
    font,
    ['Left column first paragraph: ' + LOREM[0] + '.', 'Left column second paragraph: ' + LOREM[1] + '.'],
    { x: 50, top: 680, width: 240, size: 10, leading: 13 },
  );
  const right = flow(
    font,
    ['Right column first paragraph: ' + LOREM[2] + '.', 'Right column second paragraph: ' + LOREM[0] + '.'],
    { x: 322, top: 680, width: 240, size: 10, leading: 13 },
  );
  return pdfFromRuns([[{ text: 'Two Columns of Pilots', x: 150, y: 730, size: 22 }, ...left.runs, ...right.runs]]);
}

/** A long document of numbered sections, for timing. */
export async function longPdf(pages: number): Promise<Uint8Array> {
  const font = await measure();
  const all: Run[][] = [];
  for (let n = 1; n <= pages; n++) {
    const runs: Run[] = [
      { text: 'Estuary Survey', x: 72, y: 760, size: 9 },
      { text: String(n), x: 300, y: 30, size: 9 },
    ];
    if (n === 1) runs.push({ text: 'A Survey of Estuary Pilots', x: 72, y: 730, size: 24 });
    runs.push({ text: `${n}. Section ${n}`, x: 72, y: 700, size: 16 });
    const paras = [0, 1, 2, 3].map((k) => `In part ${k + 1} of section ${n}, ${LOREM[(n + k) % 3]!.toLowerCase()}.`);
    runs.push(...flow(font, paras, { x: 72, top: 670, width: 468, size: 11, leading: 14 }).runs);
    all.push(runs);
  }
  return pdfFromRuns(all);
}
