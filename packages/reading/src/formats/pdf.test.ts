import { describe, expect, it } from 'vitest';
import { pdfWithFootnotes, twoColumnPdf } from '../../test-fixtures/pdf-builder.js';
import { importReading } from '../index.js';

describe('PDF import', () => {
  it('reads a two-column page column by column, under its full-width title', async () => {
    const doc = await importReading({ data: await twoColumnPdf(), filename: 'columns.pdf' });
    expect(doc.title).toBe('Two Columns of Pilots');
    expect(doc.blocks.map((b) => b.text.split(':')[0])).toEqual([
      'Left column first paragraph',
      'Left column second paragraph',
      'Right column first paragraph',
      'Right column second paragraph',
    ]);
  });

  it('takes footnotes from the foot of each page and links the superscript calls to them', async () => {
    const doc = await importReading({ data: await pdfWithFootnotes() });
    expect(doc.notes.map((n) => n.label)).toEqual(['1', '2', '3']);
    expect(doc.notes[2]!.text).toBe('River Authority annual report, 1897.');
    const refs = doc.blocks.flatMap((b) => b.noteRefs ?? []);
    expect(refs.map((r) => r.label)).toEqual(['1', '2', '3']);
    expect(doc.blocks.every((b) => !/Minute book|Logbook of the pilot/i.test(b.text))).toBe(true);
  });

  it('drops the running header and page numbers and mends the paragraph cut by the page break', async () => {
    const doc = await importReading({ data: await pdfWithFootnotes() });
    expect(doc.title).toBe('Pilots of the Estuary');
    const texts = doc.blocks.map((b) => b.text);
    expect(texts.join('\n')).not.toContain('Journal of Estuary History');
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain('and the number of vessels each pilot handled');
    const last = doc.blocks[2]!;
    expect(last.noteRefs).toEqual([{ label: '3', offset: last.text.length }]);
  });
});
