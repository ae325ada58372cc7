import { describe, expect, it } from 'vitest';
import {
  docxWithFootnotes,
  docxWithLargePicture,
  docxWithTitleProperty,
  SALT,
} from '../../test-fixtures/docx-builder.js';
import { importReading } from '../index.js';

describe('DOCX import', () => {
  it('takes the title from the Title style, the subtitle from Subtitle and the author from the properties', async () => {
    const doc = await importReading({ data: await docxWithFootnotes(), filename: 'salt.docx' });
    expect(doc).toMatchObject({ title: SALT.title, subtitle: SALT.subtitle, authors: [SALT.author] });
  });

  it('keeps the structure a reader sees: headings at their levels, quote, lists and caption', async () => {
    const doc = await importReading({ data: await docxWithFootnotes() });
    expect(doc.blocks.map((b) => [b.type, b.level ?? null, b.text])).toEqual([
      ['heading', 1, 'Routes'],
      ['paragraph', null, SALT.routes + SALT.routesAfterNote],
      ['heading', 2, 'River crossings'],
      ['paragraph', null, SALT.ferry],
      ['quote', null, SALT.quote],
      ['heading', 3, 'Tolls'],
      ...SALT.bullets.map((t) => ['list-item', null, t]),
      ...SALT.steps.map((t, i) => ['list-item', null, `${i + 1}. ${t}`]),
      ['caption', null, SALT.caption],
      ['heading', 1, 'Decline'],
      ['paragraph', null, SALT.decline],
    ]);
  });

  it('turns Word footnotes and endnotes into notes referenced where their calls stand', async () => {
    const doc = await importReading({ data: await docxWithFootnotes() });
    expect(doc.notes).toEqual([
      { label: '1', text: SALT.footnotes[1] },
      { label: '2', text: SALT.footnotes[2] },
      { label: '3', text: SALT.endnote },
    ]);
    const refs = doc.blocks.filter((b) => b.noteRefs).map((b) => [b.text.slice(0, 12), b.noteRefs]);
    expect(refs).toEqual([
      [SALT.routes.slice(0, 12), [{ label: '1', offset: SALT.routes.length }]],
      [SALT.ferry.slice(0, 12), [{ label: '2', offset: SALT.ferry.length }]],
      [SALT.decline.slice(0, 12), [{ label: '3', offset: SALT.decline.length }]],
    ]);
    expect(doc.blocks.some((b) => /↑|\[\d\]/.test(b.text))).toBe(false);
    expect(doc.warnings.map((w) => w.code)).not.toContain('NOTE_MISSING');
  });

  it('reads a document whose pictures make it several megabytes, without unpacking them', async () => {
    const data = await docxWithLargePicture(3 * 1024 * 1024);
    expect(data.length).toBeGreaterThan(3 * 1024 * 1024);
    const doc = await importReading({ data, filename: 'photos.docx' });
    expect(doc.title).toBe(SALT.title);
    expect(doc.blocks.find((b) => b.type === 'caption')?.text).toBe(SALT.caption);
  });

  it.each(['Microsoft Word - salt_roads_final.docx', 'Untitled'])(
    'takes the headline typed on the page, not the title property %j',
    async (placeholder) => {
      const doc = await importReading({ data: await docxWithTitleProperty(placeholder) });
      expect(doc).toMatchObject({ title: SALT.title, subtitle: null, authors: [SALT.author] });
      expect(doc.blocks.map((b) => b.text)).toEqual([SALT.routes + SALT.routesAfterNote, SALT.decline]);
    },
  );
});
