import { describe, expect, it } from 'vitest';
import { pdfFromRuns, typeset } from '../../test-fixtures/pdf-builder.js';
import { importReading } from '../index.js';

describe('PDF: a placeholder in the title property', () => {
  const text =
    'The ferry ran twice a day between the two banks until the bridge opened, and the ferrymen kept a ledger of every crossing, the fares taken and the weather on the water.';
  const build = async (title: string) => {
    const set = await typeset([{ text, size: 11 }], [{ page: 0, x: 72, top: 660, bottom: 72, width: 468 }]);
    return pdfFromRuns(
      [
        [
          { text: 'The Last Ferry Crossing', x: 72, y: 720, size: 22, font: 'bold' },
          { text: 'By Hanna Lind', x: 72, y: 696, size: 11 },
          ...set.pages[0]!,
        ],
      ],
      { title },
    );
  };

  it.each(['about:blank', 'Untitled', 'Microsoft Word - ferry_final.docx', 'https://example.org/ferry', 'ferry.pdf'])(
    'ignores %j and takes the headline printed on the page as the title',
    async (placeholder) => {
      const doc = await importReading({ data: await build(placeholder) });
      expect(doc).toMatchObject({ title: 'The Last Ferry Crossing', subtitle: null, authors: ['Hanna Lind'] });
      expect(doc.blocks.map((b) => b.text)).toEqual([text]);
    },
  );

  it('keeps a real title from the properties', async () => {
    const doc = await importReading({ data: await build('The Last Ferry Crossing') });
    expect(doc.title).toBe('The Last Ferry Crossing');
  });
});
