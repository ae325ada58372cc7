import { describe, expect, it } from 'vitest';
import { footnotes, pdfFromRuns, typeset, type Frame, type Para, type Run } from '../../test-fixtures/pdf-builder.js';
import { importReading, type ReadingDocument } from '../index.js';

const codes = (doc: ReadingDocument) => doc.warnings.map((w) => w.code);
const paragraphs = (doc: ReadingDocument) => doc.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
const headings = (doc: ReadingDocument) =>
  doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text] as const);
const body = (text: string, extra: Partial<Para> = {}): Para => ({ text, size: 10, hyphenate: true, ...extra });
const heading = (text: string, size: number): Para => ({ text, size, font: 'bold', spaceBefore: 14 });
/** The text a reader sees: note calls gone. */
const clean = (s: string) => s.replace(/\{[^}]+\}/g, '');

describe('PDF: a two-column journal article over two pages', () => {
  const text = {
    wagesA:
      'For most of the nineteenth century the pilots of the outer estuary were paid by the tide rather than by the ship, an arrangement that rewarded whoever could bring two vessels across the bar on a single flood and punished the cautious pilot who waited for the fog to lift before leaving the anchorage.',
    wagesB:
      'Their earnings were therefore irregular in a way that the harbour commissioners found difficult to regulate, since a pilot who worked through a stormy month might earn more than his colleagues did in a whole season of calm weather, and the commissioners received complaints about favouritism every spring.',
    wagesC:
      'The logbooks kept by the pilots themselves describe shifting sandbanks, disputes with captains who refused to wait for slack water, and long nights spent at anchor while the weather decided whether there would be any work at all in the morning.',
    salaryA:
      'When the river authority took over the service it replaced the tide rate with a salary, and within a decade the number of vessels each pilot handled in a year had fallen by almost a third, although the number of groundings fell even faster than that.',
    salaryB:
      'Older pilots complained that the salary removed the reason to go out in marginal weather, while younger ones welcomed the certainty of a monthly payment and the pension that came with it, which had never been offered under the old system of tides.',
    salaryC:
      'By the end of the century the salaried service was taken for granted along the whole coast, and the tide rate survived only in the memories of the oldest pilots and in the account books that the authority kept in its archive.',
  };
  const build = async () => {
    const columns: Frame[] = [
      // Short columns on page one: the left one ends inside a word, the right one inside a sentence.
      { page: 0, x: 50, top: 640, bottom: 456, width: 240 },
      { page: 0, x: 322, top: 640, bottom: 456, width: 240 },
      { page: 1, x: 50, top: 730, bottom: 60, width: 240 },
      { page: 1, x: 322, top: 730, bottom: 60, width: 240 },
    ];
    const set = await typeset(
      [
        heading('Tides and Wages', 13),
        body(text.wagesA),
        body(text.wagesB),
        body(text.wagesC),
        heading('The Salaried Service', 13),
        body(text.salaryA),
        body(text.salaryB),
        body(text.salaryC),
      ],
      columns,
    );
    const furniture = (n: number): Run[] => [
      { text: 'Estuary Studies 12 (2021)', x: 50, y: 765, size: 8 },
      { text: String(n), x: 300, y: 30, size: 9 },
    ];
    const pdf = await pdfFromRuns([
      [
        ...furniture(1),
        { text: 'Pilots of the Outer Estuary', x: 140, y: 712, size: 22, font: 'bold' },
        { text: 'By Ruth Calloway and Tomas Brenner', x: 200, y: 688, size: 11, font: 'italic' },
        { text: '4 March 2021', x: 270, y: 672, size: 9 },
        ...set.pages[0]!,
      ],
      [...furniture(2), ...(set.pages[1] ?? [])],
    ]);
    return { pdf, pages: set.pages };
  };

  it('is built with words hyphenated at line ends and paragraphs running on across columns and pages', async () => {
    const { pages } = await build();
    const bodyLines = pages.flat().filter((r) => r.size === 10);
    expect(bodyLines.filter((r) => /\p{L}-$/u.test(r.text)).length).toBeGreaterThanOrEqual(3);
    const columnEnd = (page: number, x: number) =>
      bodyLines.filter((r) => pages[page]!.includes(r) && r.x === x).at(-1)!;
    expect(columnEnd(0, 50).text).toMatch(/\p{L}-$/u);
    expect(columnEnd(0, 322).text).toMatch(/\p{L}$/u);
    expect(pages[1]!.length).toBeGreaterThan(5);
  });

  it('reads title, authors and date from the first page', async () => {
    const doc = await importReading({ data: (await build()).pdf, filename: 'estuary.pdf' });
    expect(doc).toMatchObject({
      title: 'Pilots of the Outer Estuary',
      authors: ['Ruth Calloway', 'Tomas Brenner'],
      publishedAt: '2021-03-04',
    });
  });

  it('reads column by column and rejoins paragraphs and words cut at column and page ends', async () => {
    const doc = await importReading({ data: (await build()).pdf });
    expect(headings(doc)).toEqual([
      [1, 'Tides and Wages'],
      [1, 'The Salaried Service'],
    ]);
    expect(paragraphs(doc)).toEqual([text.wagesA, text.wagesB, text.wagesC, text.salaryA, text.salaryB, text.salaryC]);
    expect(doc.blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('drops the running header and the page numbers, and says so', async () => {
    const doc = await importReading({ data: (await build()).pdf });
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('Estuary Studies');
    expect(doc.blocks.some((b) => /^\d+$/.test(b.text))).toBe(false);
    expect(codes(doc)).toContain('RUNNING_HEADERS_REMOVED');
  });
});

describe('PDF: a heading across both columns in the middle of a page', () => {
  const para = (n: number) =>
    `Paragraph ${n} tells of the ferry crossings in the year ${1880 + n}, when the weather was mild and the boats ran to time nearly every day.`;
  const build = async () => {
    const top = await typeset(
      [1, 2].map((n) => body(para(n))),
      [{ page: 0, x: 50, top: 680, bottom: 560, width: 240 }],
    );
    const right = await typeset(
      [3].map((n) => body(para(n))),
      [{ page: 0, x: 322, top: 680, bottom: 560, width: 240 }],
    );
    const lower = await typeset(
      [4].map((n) => body(para(n))),
      [{ page: 0, x: 50, top: 480, bottom: 100, width: 240 }],
    );
    const lowerRight = await typeset(
      [5].map((n) => body(para(n))),
      [{ page: 0, x: 322, top: 480, bottom: 100, width: 240 }],
    );
    return pdfFromRuns([
      [
        { text: 'Ferry Years', x: 250, y: 730, size: 22, font: 'bold' },
        ...top.pages[0]!,
        ...right.pages[0]!,
        { text: 'After the Bridge Was Built', x: 200, y: 520, size: 14, font: 'bold' },
        ...lower.pages[0]!,
        ...lowerRight.pages[0]!,
      ],
    ]);
  };

  it('reads the columns above the heading, then the heading, then the columns below it', async () => {
    const doc = await importReading({ data: await build() });
    expect(doc.title).toBe('Ferry Years');
    expect(doc.blocks.map((b) => [b.type, b.text])).toEqual([
      ['paragraph', para(1)],
      ['paragraph', para(2)],
      ['paragraph', para(3)],
      ['heading', 'After the Bridge Was Built'],
      ['paragraph', para(4)],
      ['paragraph', para(5)],
    ]);
  });
});

describe('PDF: footnotes at the foot of each page', () => {
  const source = [
    'Pilotage on the estuary was licensed from 1808,{1} and the licence named the reaches a pilot could work and the fee he could charge for each of them.',
    'The pilots kept logbooks of every crossing.{2} Most were lost when the pilot station burned, but the volumes that survive describe fog, moving sandbanks and quarrels with masters who would not wait for the tide, written in a plain and hurried hand that rarely wastes a word on anything but the work itself, and the historian who reads them closely finds a surprisingly complete picture of the trade.',
    'Wages are harder to trace than crossings, because payments were made in cash on the quay and recorded, if at all, in the ledgers of the shipping agents{3} rather than in any public account of the harbour.',
    'The salaried service arrived in 1872{4} and lasted, with few changes, until the estuary was dredged and the old channels were abandoned altogether.{5}',
  ];
  const notes: Record<string, string> = {
    '1': 'Harbour Act, section 14.',
    '2': 'Logbooks of the pilot cutter, winter volumes, kept in the county record office and catalogued only in part, with gaps for the years of the fire.',
    '3': 'Ledgers of two shipping agents survive for the 1850s.',
    '4': 'River Authority annual report, 1872.',
    '5': 'Dredging began in 1911.',
  };
  const build = async () => {
    // Short frames on the first two pages, so that one page ends inside a word ("volu-") and the
    // next inside a sentence.
    const frames: Frame[] = [
      { page: 0, x: 72, top: 650, bottom: 598, width: 468 },
      { page: 1, x: 72, top: 720, bottom: 680, width: 468 },
      { page: 2, x: 72, top: 720, bottom: 150, width: 468 },
    ];
    const set = await typeset(
      source.map((text) => ({ text, size: 11, hyphenate: true })),
      frames,
    );
    const heads = ['', 'Edith Marlowe', 'Pilots and Wages'];
    const pages: Run[][] = [];
    for (const [i, runs] of set.pages.entries()) {
      const calls = set.callsOnPage[i]!;
      pages.push([
        ...(heads[i] ? [{ text: heads[i]!, x: i % 2 ? 72 : 440, y: 765, size: 9, font: 'italic' as const }] : []),
        { text: `– ${i + 1} –`, x: 295, y: 30, size: 9 },
        ...(i === 0
          ? [
              { text: 'Pilots and Wages', x: 72, y: 710, size: 20, font: 'bold' as const },
              { text: 'Edith Marlowe', x: 72, y: 686, size: 12 },
            ]
          : []),
        ...runs,
        ...(await footnotes(
          calls.map((c) => [c, notes[c]!]),
          72,
          100,
          468,
        )),
      ]);
    }
    const pageEnds = set.pages.map((runs) => runs.filter((r) => r.size === 11).at(-1)!.text);
    return { pdf: await pdfFromRuns(pages), pageEnds };
  };

  it('is built with a word and a sentence cut by page breaks', async () => {
    const { pageEnds } = await build();
    expect(pageEnds[0]).toMatch(/\p{L}-$/u);
    expect(pageEnds[1]).toMatch(/ the$/);
  });

  it('takes the notes from the page feet, each with its label and whole text', async () => {
    const doc = await importReading({ data: (await build()).pdf });
    expect(doc.notes).toEqual(Object.entries(notes).map(([label, text]) => ({ label, text })));
    expect(codes(doc)).toContain('FOOTNOTES_FOUND');
  });

  it('links each raised call to its note at the place it stood', async () => {
    const doc = await importReading({ data: (await build()).pdf });
    const expected = source.map((s) => {
      const refs: Array<{ label: string; offset: number }> = [];
      let text = '';
      for (const part of s.split(/(\{[^}]+\})/)) {
        const call = /^\{([^}]+)\}$/.exec(part);
        if (call) refs.push({ label: call[1]!, offset: text.length });
        else text += part;
      }
      return { type: 'paragraph', text, noteRefs: refs };
    });
    expect(doc.blocks).toEqual(expected);
  });

  it('keeps page furniture out of the text and rejoins the paragraph and the word cut by a page break', async () => {
    const doc = await importReading({ data: (await build()).pdf });
    expect(doc.title).toBe('Pilots and Wages');
    expect(doc.authors).toEqual(['Edith Marlowe']);
    expect(paragraphs(doc)).toEqual(source.map(clean));
    const all = doc.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/Edith Marlowe|Pilots and Wages|– \d –/);
    expect(codes(doc)).toEqual(expect.arrayContaining(['RUNNING_HEADERS_REMOVED']));
  });
});

describe('PDF: headings told apart by type size, metadata from the document properties', () => {
  const para = (topic: string) =>
    `The ${topic} were inspected every spring by a surveyor from the lighthouse board, who wrote a short report on their condition and on what the keepers had asked for during the winter.`;
  const build = async () => {
    const set = await typeset(
      [
        heading('Lighthouses', 16),
        body(para('towers'), { size: 11 }),
        heading('Keepers', 13),
        body(para('cottages'), { size: 11 }),
        heading('Lamps', 13),
        body(para('lamps'), { size: 11 }),
        heading('Decline', 16),
        body(para('fog signals'), { size: 11 }),
      ],
      [{ page: 0, x: 72, top: 680, bottom: 72, width: 468 }],
    );
    return pdfFromRuns([[{ text: 'Harbour Lights', x: 72, y: 720, size: 24, font: 'bold' }, ...set.pages[0]!]], {
      title: 'Harbour Lights',
      author: 'Jonas Weir',
    });
  };

  it('ranks the larger headings above the smaller ones', async () => {
    const doc = await importReading({ data: await build() });
    expect(doc.title).toBe('Harbour Lights');
    expect(doc.authors).toEqual(['Jonas Weir']);
    expect(headings(doc)).toEqual([
      [1, 'Lighthouses'],
      [2, 'Keepers'],
      [2, 'Lamps'],
      [1, 'Decline'],
    ]);
    expect(paragraphs(doc)).toEqual([para('towers'), para('cottages'), para('lamps'), para('fog signals')]);
  });
});
