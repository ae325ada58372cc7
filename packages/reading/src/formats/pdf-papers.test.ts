import { describe, expect, it } from 'vitest';
import { footnotes, pdfFromRuns, typeset, type Frame, type Para, type Run } from '../../test-fixtures/pdf-builder.js';
import { importReading } from '../index.js';

const body = (text: string): Para => ({ text, size: 10, hyphenate: true });
/** Section headings as papers set them: bold, larger or at the body size, with little space around. */
type HeadingStyle = { size: number; spaceBefore: number };
const LARGER: HeadingStyle = { size: 11, spaceBefore: 12 };
const heading = (text: string, style: HeadingStyle): Para => ({ text, font: 'bold', ...style });

const TEXT = {
  intro1:
    'Pilots of the outer estuary were paid by the tide rather than by the ship for most of the nineteenth century,{1} an arrangement that rewarded whoever could bring two vessels across the bar on a single flood and punished the cautious pilot who waited for the fog to lift.',
  intro2:
    'This paper reads the surviving logbooks against the wage ledgers of the harbour commissioners to ask whether the change to salaries made the service safer, or only made it cheaper for the shipping agents who paid for it.',
  logs1:
    'The logbooks kept by the pilots describe shifting sandbanks, disputes with captains who refused to wait for slack water, and long nights at anchor while the weather decided whether there would be any work at all in the morning.{2}',
  logs2:
    'Each entry gives the vessel, the reach, the hours on board and the fee, so that a pilot’s year can be rebuilt crossing by crossing, and the crossings of the whole station can be counted month by month across five decades.',
  wages1:
    'When the river authority took over the service it replaced the tide rate with a salary, and within a decade the number of vessels each pilot handled in a year had fallen by almost a third, although the number of groundings fell even faster.',
  wages2:
    'Older pilots complained that the salary removed the reason to go out in marginal weather, while younger ones welcomed the certainty of a monthly payment and the pension that came with it, which the old system had never offered.',
};
const NOTES: Record<string, string> = {
  '1': 'Harbour Act, section 14, which fixed the tide rate for every reach of the river.',
  '2': 'Logbooks of the pilot cutter, winter volumes, county record office.',
};
const SECTIONS: Array<[string, string[]]> = [
  ['1 Introduction', [TEXT.intro1, TEXT.intro2, TEXT.logs2]],
  ['2 The Logbooks', [TEXT.logs1, TEXT.logs2, TEXT.intro2, TEXT.wages2]],
  ['3 From Tides to Salaries', [TEXT.wages1, TEXT.wages2, TEXT.intro2, TEXT.logs2]],
  ['4 Conclusion', [TEXT.wages2, TEXT.intro2]],
];
// Each paragraph opens differently, so that none repeats another.
const OPENINGS = ['At first sight', 'In the ledgers', 'Seen from the quay', 'As the records show'];
const PERIODS = ['first', 'second', 'third', 'fourth'];
const sectionText = (ps: string[], i: number) =>
  ps.map((p, k) =>
    k === 0
      ? p
      : `${OPENINGS[k]!} for the ${PERIODS[i]!} period, ${p.charAt(0).toLowerCase()}${p.slice(1)}`.replace(
          /, /g,
          `, ${PERIODS[i]!}ly, `,
        ),
  );
const paras = (style: HeadingStyle) =>
  SECTIONS.flatMap(([h, ps], i) => [heading(h, style), ...sectionText(ps, i).map(body)]);
const TITLE = ['Pilotage, Wages and Risk on the Outer Estuary:', 'Evidence from the Harbour Logbooks, 1850–1900'];
const AUTHORS: Array<[string, string]> = [
  ['Ruth Calloway', 'University of Leeds'],
  ['Tomas Brenner', 'Estuary Institute'],
  ['Ines Okafor', 'Harbour College'],
];

/** A two-column paper: a title over two lines, authors side by side, numbered sections, footnotes in small type at the foot of a column. */
async function paper(headingStyle = LARGER): Promise<Uint8Array> {
  const columns: Frame[] = [
    { page: 0, x: 50, top: 560, bottom: 120, width: 240 },
    { page: 0, x: 322, top: 560, bottom: 60, width: 240 },
    { page: 1, x: 50, top: 715, bottom: 60, width: 240 },
    { page: 1, x: 322, top: 715, bottom: 60, width: 240 },
  ];
  const set = await typeset(paras(headingStyle), columns);
  const front: Run[] = [
    { text: TITLE[0]!, x: 120, y: 720, size: 18, font: 'bold' },
    { text: TITLE[1]!, x: 130, y: 698, size: 18, font: 'bold' },
    ...AUTHORS.flatMap(([name, place], i): Run[] => [
      { text: name, x: 90 + i * 170, y: 660, size: 11 },
      { text: place, x: 90 + i * 170, y: 646, size: 9, font: 'italic' },
    ]),
  ];
  const pages = await Promise.all(
    set.pages.map(async (runs, i) => {
      const calls = set.callsOnPage[i]!;
      // The notes of a page stand at the foot of its left column, under a short rule of white.
      const notes = await footnotes(
        calls.map((c) => [c, NOTES[c]!]),
        50,
        100,
        240,
      );
      return [...(i === 0 ? front : []), ...runs, ...notes, { text: String(i + 1), x: 300, y: 30, size: 9 }];
    }),
  );
  return pdfFromRuns(pages);
}

const clean = (s: string) => s.replace(/\{[^}]+\}/g, '');

describe('PDF: a two-column paper', () => {
  it('takes the whole title set over two lines', async () => {
    const doc = await importReading({ data: await paper() });
    expect(doc.title).toBe(TITLE.join(' '));
    expect(doc.blocks.some((b) => TITLE.some((line) => b.text.includes(line)))).toBe(false);
  });

  it('credits every author of a block set side by side, and takes no affiliation for the publisher', async () => {
    const doc = await importReading({ data: await paper() });
    expect(doc.authors).toEqual(AUTHORS.map(([name]) => name));
    expect(doc.publisher).toBeNull();
    const text = doc.blocks.map((b) => b.text).join('\n');
    for (const [name, place] of AUTHORS) expect(text).not.toMatch(new RegExp(`${name}|${place}`));
  });

  it('finds every section heading and reads each paragraph whole, in order', async () => {
    const doc = await importReading({ data: await paper() });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual(
      SECTIONS.map(([h]) => [1, h]),
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(
      SECTIONS.flatMap(([h, ps], i) => [h, ...sectionText(ps, i).map(clean)]),
    );
  });

  it('takes the notes set in small type at the foot of the left column out of the text', async () => {
    const doc = await importReading({ data: await paper() });
    expect(doc.notes).toEqual(Object.entries(NOTES).map(([label, text]) => ({ label, text })));
    const text = doc.blocks.map((b) => b.text).join('\n');
    for (const note of Object.values(NOTES)) expect(text).not.toContain(note);
  });
});

describe('PDF: a two-column page with headings at the body size and no space around them', () => {
  const FLUSH: HeadingStyle = { size: 10, spaceBefore: 0 };
  const build = async () => {
    const left = await typeset(
      [heading('1 Introduction', FLUSH), body(TEXT.intro1), body(TEXT.intro2)],
      [{ page: 0, x: 50, top: 700, bottom: 60, width: 240 }],
    );
    const right = await typeset(
      [heading('2 The Logbooks', FLUSH), body(TEXT.logs1), heading('3 Salaries', FLUSH), body(TEXT.wages1)],
      [{ page: 0, x: 322, top: 700, bottom: 60, width: 240 }],
    );
    return pdfFromRuns([
      [{ text: 'Pilots and Wages', x: 230, y: 740, size: 20, font: 'bold' }, ...left.pages[0]!, ...right.pages[0]!],
    ]);
  };

  it('reads each heading as its own block, at the top of a column and within one', async () => {
    const doc = await importReading({ data: await build() });
    expect(doc.blocks.map((b) => [b.type, b.text])).toEqual([
      ['heading', '1 Introduction'],
      ['paragraph', clean(TEXT.intro1)],
      ['paragraph', TEXT.intro2],
      ['heading', '2 The Logbooks'],
      ['paragraph', clean(TEXT.logs1)],
      ['heading', '3 Salaries'],
      ['paragraph', TEXT.wages1],
    ]);
  });
});

describe('PDF: footnotes whose numbers are raised, as LaTeX sets them', () => {
  const build = async () => {
    const set = await typeset(
      [body(TEXT.intro1), body(TEXT.logs1), body(TEXT.wages1)],
      [{ page: 0, x: 72, top: 680, bottom: 160, width: 468 }],
    );
    const notes: Run[] = Object.entries(NOTES).flatMap(([label, text], i): Run[] => [
      { text: label, x: 72, y: 110 - i * 11 + 3, size: 5.5 },
      { text, x: 76, y: 110 - i * 11, size: 8 },
    ]);
    return pdfFromRuns([
      [{ text: 'Pilots and Wages', x: 72, y: 720, size: 20, font: 'bold' }, ...set.pages[0]!, ...notes],
    ]);
  };

  it('takes them out of the text with their labels', async () => {
    const doc = await importReading({ data: await build() });
    expect(doc.notes).toEqual(Object.entries(NOTES).map(([label, text]) => ({ label, text })));
    expect(doc.blocks.map((b) => b.text)).toEqual([clean(TEXT.intro1), clean(TEXT.logs1), TEXT.wages1]);
  });
});
