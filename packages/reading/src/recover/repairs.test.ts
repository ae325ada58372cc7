import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const LONG =
  'The survey counted every bench in the park, recorded who sat on it at noon, and asked them how long they planned to stay before going back to work.';
const codes = (doc: { warnings: { code: string }[] }) => doc.warnings.map((w) => w.code);

describe('structure repairs on pasted text', () => {
  it('rejoins a drop cap split off its paragraph', async () => {
    const doc = await importReading({
      data: `Benches\nBy Lena Ortiz\n\nO\n\nnce a week the gardeners repaint one bench, and the survey followed them for a year to see which benches were chosen first and why.`,
    });
    expect(doc.blocks[0]!.text).toMatch(/^Once a week the gardeners/);
    expect(doc.blocks.some((b) => b.text === 'O')).toBe(false);
    expect(codes(doc)).toContain('DROP_CAP_REPAIRED');
  });

  it('removes a second copy of the article printed before the headline', async () => {
    const paras = [
      LONG,
      'Most people said fifteen minutes, but the observers timed an average of twenty-six, with a long tail of readers who stayed past an hour.',
    ];
    const doc = await importReading({ data: [...paras, 'Who Sits Where', 'March 3, 2020', ...paras].join('\n\n') });
    expect(doc.title).toBe('Who Sits Where');
    expect(doc.publishedAt).toBe('2020-03-03');
    expect(doc.blocks.map((b) => b.text)).toEqual(paras);
    expect(codes(doc)).toContain('DUPLICATE_REMOVED');
  });

  it('records Roman and Arabic note markers as references and reads the note list', async () => {
    const doc = await importReading({
      data: `Park Benches\nBy Lena Ortiz\n\nIntroduction\n\n${LONG}[i] A second survey followed.[2]\n\nReferences\n\n[i] City parks office, bench inventory.\n\n[2] Ortiz, field diary,\n\nvolume two.`,
    });
    expect(doc.notes).toEqual([
      { label: 'i', text: 'City parks office, bench inventory.' },
      { label: '2', text: 'Ortiz, field diary, volume two.' },
    ]);
    const p = doc.blocks.find((b) => b.type === 'paragraph')!;
    expect(p.text).toBe(`${LONG} A second survey followed.`);
    expect(p.noteRefs).toEqual([
      { label: 'i', offset: LONG.length },
      { label: '2', offset: p.text.length },
    ]);
    expect(doc.blocks.some((b) => b.text === 'References')).toBe(false);
  });

  it('reads superscript note calls and a Markdown-style note list', async () => {
    const doc = await importReading({
      data: `Benches and Noon\n\nNoon\n\nMost benches fill by noon.¹ Shade matters more than the view.²³\n\n- ¹ Count of 1 June.\n- ² Interviews.\n- ³ Shade map, 2019.`,
    });
    expect(doc.notes.map((n) => n.label)).toEqual(['1', '2', '3']);
    const p = doc.blocks.find((b) => b.type === 'paragraph')!;
    expect(p.text).toBe('Most benches fill by noon. Shade matters more than the view.');
    expect(p.noteRefs).toEqual([
      { label: '1', offset: 26 },
      { label: '2', offset: p.text.length },
      { label: '3', offset: p.text.length },
    ]);
  });

  it('uses a table of contents to find headings and levels, then leaves it out', async () => {
    const toc = [
      'Table of Contents',
      'Chapter 1: Morning\t3',
      'Early Visitors\t3',
      'Chapter 2: Noon.....\t7',
      'Lunch Crowds\t8',
    ].join('\n');
    const body = [
      'Chapter 1: Morning',
      LONG,
      'Early Visitors',
      LONG.replace('survey', 'count'),
      'Figure of the park gate',
      'Chapter 2: Noon',
      LONG.replace('survey', 'census'),
      'Lunch Crowds',
      LONG.replace('survey', 'tally'),
    ].join('\n\n');
    const doc = await importReading({ data: `A Park Day\n\nMira Stone – June 1, 2021\n\n${toc}\n\n${body}` });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, 'Chapter 1: Morning'],
      [2, 'Early Visitors'],
      [1, 'Chapter 2: Noon'],
      [2, 'Lunch Crowds'],
    ]);
    expect(doc.blocks.find((b) => b.type === 'caption')?.text).toBe('Figure of the park gate');
    expect(doc.blocks.some((b) => /Table of Contents|\t|\.{3}/.test(b.text))).toBe(false);
  });

  it('rejoins a paragraph cut in two by a page break', async () => {
    const doc = await importReading({
      data: `Benches\n\nBy Lena Ortiz\n\n${LONG} Later the observers returned in winter, when the\n\nbenches were empty and the paths were icy.`,
    });
    expect(doc.blocks.map((b) => b.text)).toEqual([
      `${LONG} Later the observers returned in winter, when the benches were empty and the paths were icy.`,
    ]);
  });

  it('drops site chrome and copyright lines and flags an excerpt', async () => {
    const doc = await importReading({
      data: `Park Notes - City Parks Review - 12.05.2022\n\n${LONG}\n\nTo read the rest of the article: https://example.org/benches\n\nShare this\n\nRelated Topics\n\n© 2022 City Parks Review. All Rights Reserved.`,
    });
    expect(doc.title).toBe('Park Notes');
    expect(doc.publisher).toBe('City Parks Review');
    expect(doc.publishedAt).toBe('2022-05-12');
    expect(doc.blocks.map((b) => b.text)).toEqual([LONG]);
    expect(doc.warnings.find((w) => w.code === 'EXCERPT_ONLY')?.message).toContain('https://example.org/benches');
  });

  it('drops widget lines by their vocabulary but keeps headings made of ordinary words', async () => {
    const doc = await importReading({
      data: [
        'Benches at Noon',
        'By Lena Ortiz',
        'Featured Image',
        'Share on Facebook | Tweet | Email',
        LONG,
        'The Latest News',
        LONG.replace('survey', 'count'),
        'More from Parks Weekly',
        'You may also like',
        'Print this page',
      ].join('\n\n'),
    });
    expect(doc.blocks.map((b) => [b.type, b.text])).toEqual([
      ['paragraph', LONG],
      ['heading', 'The Latest News'],
      ['paragraph', LONG.replace('survey', 'count')],
    ]);
    expect(doc.warnings.find((w) => w.code === 'BOILERPLATE_REMOVED')?.message).toMatch(/Removed 5 line/);
  });

  it('drops a label printed in both the page header and the footer', async () => {
    const doc = await importReading({
      data: [
        'Parks and People',
        'Benches at Noon',
        'Lena Ortiz – July 2, 2022',
        LONG,
        LONG.replace('survey', 'count'),
        'Parks and People',
      ].join('\n\n'),
    });
    expect(doc.title).toBe('Benches at Noon');
    expect(doc.authors).toEqual(['Lena Ortiz']);
    expect(doc.blocks.map((b) => b.text)).toEqual([LONG, LONG.replace('survey', 'count')]);
    expect(doc.warnings.find((w) => w.code === 'BOILERPLATE_REMOVED')?.message).toMatch(
      /Removed 2 line.*Parks and People/,
    );
  });

  it('drops a contact block and names the publisher from the copyright line', async () => {
    const doc = await importReading({
      data: [
        'Benches at Noon',
        'June 4, 2021',
        LONG,
        'Parks Office, 12 Garden Row, Tel: +44 (20) 7946 0018 · info@parks.example.org · https://parks.example.org',
        '© 2019–2021 Centre for Public Space Studies (CPSS) Kaikki oikeudet pidätetään',
      ].join('\n\n'),
    });
    expect(doc.publisher).toBe('Centre for Public Space Studies (CPSS)');
    expect(doc.blocks.map((b) => b.text)).toEqual([LONG]);
  });

  it('keeps a note that cites an e-mail and a web page', async () => {
    const doc = await importReading({
      data: `Benches\n\nBy Lena Ortiz\n\n${LONG}[1]\n\nNotes\n\n[1] Letter from the parks office, info@parks.example.org, https://parks.example.org/letters.\n\n[2] Unused.`,
    });
    expect(doc.notes[0]).toEqual({
      label: '1',
      text: 'Letter from the parks office, info@parks.example.org, https://parks.example.org/letters.',
    });
  });

  it('repairs mojibake, stray brackets and Markdown escapes', async () => {
    const doc = await importReading({
      data: `Benches\n\nThe gardenerâ€™s log says benches cost \\$300 each [[]][]]] a price nobody questioned until the council audited the park budget last spring.`,
    });
    expect(doc.blocks[0]!.text).toBe(
      'The gardener’s log says benches cost $300 each — a price nobody questioned until the council audited the park budget last spring.',
    );
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['MOJIBAKE_REPAIRED', 'GARBLED_PUNCTUATION', 'MARKDOWN_UNESCAPED']),
    );
  });

  it('keeps an author box as "about" and takes the author and publication from it', async () => {
    const doc = await importReading({
      data: `Benches at Noon\n\nJuly 2, 2022\n\n${LONG}\n\nAbout\nLena Ortiz\n:\nLena Ortiz is a correspondent for Parks Weekly. She writes about public space.\n\nwww.parksweekly.com`,
    });
    expect(doc.authors).toEqual(['Lena Ortiz']);
    expect(doc.publisher).toBe('Parks Weekly');
    expect(doc.blocks.at(-1)).toEqual({
      type: 'about',
      text: 'Lena Ortiz is a correspondent for Parks Weekly. She writes about public space.',
    });
  });

  it('warns when the source gives contradictory dates', async () => {
    const doc = await importReading({
      data: `BENCH REPORT - PARKS FOUNDATION -05.11.2019\n\nPosted 08.11.2019\n\n${LONG}`,
    });
    expect(doc.title).toBe('Bench Report');
    expect(doc.publisher).toBe('Parks Foundation');
    expect(doc.publishedAt).toBe('2019-11-05');
    expect(codes(doc)).toContain('DATE_CONFLICT');
  });
});

describe('doubts raised for the instructor', () => {
  it('flags possessives that lost their apostrophes', async () => {
    const para =
      'The Harbour board met on Monday. Harbours rules were read aloud, and the Mayors deputy asked why the Mayor had not come. ';
    const doc = await importReading({ data: `Harbour Minutes\n\n${para.repeat(6)}` });
    expect(doc.warnings.find((w) => w.code === 'APOSTROPHES_MISSING')?.message).toMatch(/Harbours|Mayors/);
  });

  it('quotes a dropped line in a warning as written, shortened at a word boundary', async () => {
    const dropped = '"War in Ukraine" and the Parks of Kyiv: Notes From a Summer Spent Among Benches and Shelters';
    const doc = await importReading({
      data: ['Benches at Noon', 'By Lena Ortiz', dropped, 'The Survey', LONG].join('\n\n'),
    });
    const message = doc.warnings.find((w) => w.code === 'FRONT_MATTER_DROPPED')?.message;
    expect(message).toContain(
      '(e.g. “"War in Ukraine" and the Parks of Kyiv: Notes From a Summer Spent Among Benches…”)',
    );
    expect(message).not.toContain('\\');
  });
});
