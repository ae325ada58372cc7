import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const data = new Uint8Array(readFileSync(new URL('../../test-fixtures/article.html', import.meta.url)));

describe('HTML import', () => {
  it('reads the article metadata from the page', async () => {
    const doc = await importReading({ data });
    expect(doc).toMatchObject({
      title: 'The Quiet Return of Night Trains',
      authors: ['Ines Lindqvist'],
      publisher: 'Rail Review',
      publishedAt: '2024-02-19',
    });
  });

  it('keeps the article and drops navigation, ads, sidebar and footer', async () => {
    const doc = await importReading({ data });
    const body = doc.blocks.map((b) => b.text).join('\n');
    expect(body).toMatch(/^Sleeper services that were cut/);
    for (const chrome of [
      'Subscribe',
      'Advertisement',
      'Most read',
      'Ten scenic railways',
      'Share this',
      'All rights reserved',
      'By Ines Lindqvist',
    ]) {
      expect(body).not.toContain(chrome);
    }
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'Timetables and borders',
      'What comes next',
    ]);
    expect(doc.blocks.find((b) => b.type === 'caption')?.text).toBe('A refurbished couchette car at a depot.');
  });

  it('turns superscript note links into note references resolved against the notes list', async () => {
    const doc = await importReading({ data });
    expect(doc.notes.map((n) => n.label)).toEqual(['1', '2']);
    expect(doc.notes[1]!.text).toBe('Interviews with two infrastructure managers.');
    const refs = doc.blocks.flatMap((b) => b.noteRefs ?? []);
    expect(refs.map((r) => r.label)).toEqual(['1', '2']);
    expect(doc.blocks.some((b) => /\[\d\]|Notes/.test(b.text))).toBe(false);
  });
});
