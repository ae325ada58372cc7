import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url)));

describe('Markdown: front matter, ATX headings and numbered footnotes', () => {
  const data = fixture('field-notes.md');

  it('takes metadata from the front matter and lifts the title heading out of the text', async () => {
    const doc = await importReading({ data, filename: 'notes.txt' });
    expect(doc).toMatchObject({
      title: 'Field Notes on Urban Beekeeping',
      authors: ['Tomas Ferreira'],
      publishedAt: '2023-06-02',
    });
    expect(doc.blocks.some((b) => b.text === 'Field Notes on Urban Beekeeping')).toBe(false);
  });

  it('keeps heading levels, quotes and list items, and strips inline markup', async () => {
    const doc = await importReading({ data });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, 'Forage'],
      [2, 'Lindens and chestnuts'],
      [1, 'Risks'],
    ]);
    expect(doc.blocks.find((b) => b.type === 'quote')?.text).toMatch(/^A hive on a roof/);
    expect(doc.blocks.filter((b) => b.type === 'list-item').map((b) => b.text)).toEqual([
      'Check the hive weekly in spring.',
      'Add a super when the brood box is eight frames full.',
    ]);
    expect(doc.blocks.map((b) => b.text).join(' ')).toContain('about $40 a year');
  });

  it('links footnote references to the footnote texts', async () => {
    const doc = await importReading({ data });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Survey of 120 rooftop keepers, spring 2022.' },
      { label: '2', text: 'Pollen analysis by the municipal parks office.' },
    ]);
    const first = doc.blocks[0]!;
    expect(first.text).not.toContain('[1]');
    expect(first.noteRefs).toEqual([{ label: '1', offset: first.text.indexOf(' The reasons') }]);
  });
});

describe('Markdown: setext headings, escapes, named footnotes, comments and links', () => {
  const data = fixture('harbour-guide.md');

  it('reads the title from a setext heading and the byline under it', async () => {
    const doc = await importReading({ data });
    expect(doc).toMatchObject({
      title: 'Harbour Guide for Small Boats',
      authors: ['Lena Ortiz'],
      publishedAt: '2022-05-02',
    });
  });

  it('unescapes escaped characters and drops comments, link markup and definitions', async () => {
    const doc = await importReading({ data });
    expect(doc.blocks.map((b) => [b.type, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'Arriving'],
      [
        'paragraph',
        null,
        'Call the harbour office on channel 12 before you pass the breakwater. Boats under 8 m may use the *inner* basin; the _outer_ basin is for fishing boats only. Keep the red buoy [No. 4] to port.',
      ],
      ['heading', 2, 'Mooring'],
      [
        'paragraph',
        null,
        'Moorings cost #3 a night, paid at the office. See the tariff or https://harbour.example.org/fees for longer stays.',
      ],
      ['list-item', null, '3. Tie up alongside.'],
      ['list-item', null, '4. Report to the office.'],
    ]);
  });

  it('numbers named footnotes in the order they are cited, as rendered Markdown prints them', async () => {
    const doc = await importReading({ data });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Channel 12 is watched from 06:00 to 22:00.' },
      { label: '2', text: 'Weekly rates apply after five nights. Winter rates are lower; ask at the office.' },
    ]);
    const refs = doc.blocks.flatMap((b) =>
      (b.noteRefs ?? []).map((r) => [r.label, b.text.slice(r.offset - 10, r.offset)]),
    );
    expect(refs).toEqual([
      ['1', 'reakwater.'],
      ['2', 'ger stays.'],
    ]);
  });
});
