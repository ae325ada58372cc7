import { describe, expect, it } from 'vitest';
import { docxWithFootnotes } from '../../test-fixtures/docx-builder.js';
import { importReading } from '../index.js';

describe('DOCX import', () => {
  it('uses the Title style and the document author', async () => {
    const doc = await importReading({ data: await docxWithFootnotes(), filename: 'salt.docx' });
    expect(doc.title).toBe('Salt Roads of the Lowlands');
    expect(doc.authors).toEqual(['Mara Ellison']);
  });

  it('keeps Word heading levels', async () => {
    const doc = await importReading({ data: await docxWithFootnotes() });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, 'Routes'],
      [2, 'River crossings'],
      [1, 'Decline'],
    ]);
  });

  it('turns real Word footnotes into notes referenced at the right place', async () => {
    const doc = await importReading({ data: await docxWithFootnotes() });
    expect(doc.notes).toEqual([
      { label: '1', text: 'Parish accounts, 1702–1719.' },
      { label: '2', text: 'Toll register of the river crossing.' },
    ]);
    const para = doc.blocks.find((b) => b.text.startsWith('Salt reached'))!;
    expect(para.text).not.toMatch(/\[1\]|↑/);
    expect(para.noteRefs).toEqual([{ label: '1', offset: para.text.indexOf(' Carters') }]);
  });
});
