import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReading } from '../index.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url)));

describe('plain text import', () => {
  it('reads title, subtitle, author and date from the lines above the text', async () => {
    const doc = await importReading({ data: fixture('wrapped-report.txt') });
    expect(doc.title).toBe('The Tide Mills of the North Coast');
    expect(doc.subtitle).toBe('A Survey of Surviving Structures');
    expect(doc.authors).toEqual(['Harriet Quill']);
    expect(doc.publishedAt).toBe('2021-03-04');
  });

  it('unwraps hard-wrapped lines, rejoins hyphenated words and drops page furniture', async () => {
    const doc = await importReading({ data: fixture('wrapped-report.txt') });
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual([
      'Origins',
      'Decline',
      'Conclusion',
    ]);
    const body = doc.blocks.map((b) => b.text).join('\n');
    expect(body).toContain('how the mills were maintained, since very few account books survive.');
    expect(body).not.toMatch(/Tide Mills of the North Coast|\n1[234]\n/);
    expect(doc.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(6);
    expect(doc.warnings.map((w) => w.code)).toEqual(
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
