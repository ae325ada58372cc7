import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const data = new Uint8Array(readFileSync(new URL('../../test-fixtures/field-notes.md', import.meta.url)));

describe('markdown import', () => {
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
    expect(doc.blocks.filter((b) => b.type === 'list-item').map((b) => b.text)).toContain(
      'Add a super when the brood box is eight frames full.',
    );
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
