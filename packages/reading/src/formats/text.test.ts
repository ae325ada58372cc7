import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading, type ReadingDocument } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const codes = (doc: ReadingDocument) => doc.warnings.map((w) => w.code);
const outline = (doc: ReadingDocument) =>
  doc.blocks.map((b) => [b.type, b.level ?? null, b.text.slice(0, 30)] as const);

describe('plain text: a hard-wrapped report with running heads and page numbers', () => {
  const data = bytes(fixture('wrapped-report.txt'));

  it('reads title, subtitle, author and date from the lines above the text', async () => {
    const doc = await importReading({ data });
    expect(doc).toMatchObject({
      title: 'The Tide Mills of the North Coast',
      subtitle: 'A Survey of Surviving Structures',
      authors: ['Harriet Quill'],
      publishedAt: '2021-03-04',
    });
  });

  it('unwraps hard-wrapped lines, rejoins hyphenated words and drops page furniture', async () => {
    const doc = await importReading({ data });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'Origins',
      'Decline',
      'Conclusion',
    ]);
    const body = doc.blocks.map((b) => b.text).join('\n');
    expect(body).toContain('how the mills were maintained, since very few account books survive.');
    expect(body).not.toMatch(/Tide Mills of the North Coast|\n1[234]\n/);
    expect(doc.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(6);
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['HYPHENATION_JOINED', 'PAGE_NUMBERS_REMOVED', 'RUNNING_HEADERS_REMOVED']),
    );
  });

  it('keeps one paragraph per line when lines are not wrapped', async () => {
    const text = [
      'Notes From a Ferry',
      'By Ada Brook',
      'Crossing',
      'The ferry leaves at dawn and the crossing takes forty minutes when the wind is light, longer when it blows from the west and the boat has to tack around the sandbar.',
      'Passengers buy tea from a hatch by the car deck, and regulars know to queue before the engines start, because the hatch closes as soon as the ramp is raised behind the last car.',
    ].join('\n');
    const doc = await importReading({ data: text });
    expect(doc.authors).toEqual(['Ada Brook']);
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });
});

describe('plain text: a report in pages, with numbered contents, superscript notes and a notes list', () => {
  const source = fixture('fen-canals.txt');
  const cutByPageBreak =
    'Their greatest difficulty was the shrinking of the peat, which lowered the fields below the level of the rivers and forced the drainage boards to lift the water with wind-driven pumps, an expense that the original investors had never imagined when they first agreed to the scheme, and which the engineers were asked to explain to every annual meeting of the company.';

  it('reads the front page: title in capitals, subtitle, author and date', async () => {
    const doc = await importReading({ data: bytes(source) });
    expect(doc).toMatchObject({
      title: 'The Canals of the Fen Country',
      subtitle: 'Drainage, Trade and Decline',
      authors: ['Arthur Penrose'],
      publishedAt: '2019-10-12',
    });
  });

  it('finds the headings and their levels from the numbered contents, then leaves the contents out', async () => {
    const doc = await importReading({ data: bytes(source) });
    expect(outline(doc)).toEqual([
      ['heading', 1, '1. Origins'],
      ['heading', 2, '1.1 The first cuts'],
      ['paragraph', null, 'The first drainage cuts were d'],
      ['paragraph', null, 'Later cuts were deeper and wer'],
      ['heading', 2, '1.2 Engineers'],
      ['paragraph', null, 'The engineers who followed wer'],
      ['paragraph', null, 'Their greatest difficulty was '],
      ['caption', null, 'Figure 2. Lock gates at the Ol'],
      ['heading', 1, '2. Trade'],
      ['paragraph', null, 'By the end of the eighteenth c'],
      ['heading', 1, '3. Decline'],
      ['paragraph', null, 'The railways took the grain tr'],
    ]);
    expect(doc.blocks.some((b) => /Contents|\. \. \./.test(b.text))).toBe(false);
    expect(codes(doc)).toContain('TABLE_OF_CONTENTS');
  });

  it('rejoins the paragraph and the word cut by a page break, past the running head and page number', async () => {
    const doc = await importReading({ data: bytes(source) });
    expect(doc.blocks.find((b) => b.text.startsWith('Their greatest'))?.text).toBe(cutByPageBreak);
    expect(doc.blocks.some((b) => /Canals of the Fen Country|^- \d -$/.test(b.text))).toBe(false);
    expect(codes(doc)).toEqual(expect.arrayContaining(['RUNNING_HEADERS_REMOVED', 'PAGE_NUMBERS_REMOVED']));
  });

  it('links the superscript calls to the numbered notes list, rejoining a note wrapped over two lines', async () => {
    const doc = await importReading({ data: bytes(source) });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Minutes of the drainage company, 1653.' },
      { label: '2', text: 'Letter of an engineer to the company, harvest 1702.' },
      { label: '3', text: 'Lock ledgers, county record office.' },
    ]);
    const refs = doc.blocks.flatMap((b) =>
      (b.noteRefs ?? []).map((r) => [r.label, b.text.slice(r.offset - 4, r.offset + 4)]),
    );
    expect(refs).toEqual([
      ['1', 'sea. The'],
      ['2', 'her.'],
      ['3', 'rge.'],
    ]);
    expect(doc.blocks.some((b) => /[¹²³]|^Notes$/.test(b.text))).toBe(false);
  });

  it('without contents, still takes a numbered section heading over its first subheading for the start of the text', async () => {
    const withoutContents = source.replace(/Contents\n[\s\S]*?\f/, '\f');
    const doc = await importReading({ data: bytes(withoutContents) });
    expect(outline(doc).slice(0, 3)).toEqual([
      ['heading', 1, '1. Origins'],
      ['heading', 2, '1.1 The first cuts'],
      ['paragraph', null, 'The first drainage cuts were d'],
    ]);
  });
});
