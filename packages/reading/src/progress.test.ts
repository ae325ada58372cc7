import { describe, expect, it } from 'vitest';
import { docxWithFootnotes } from '../test-fixtures/docx-builder.js';
import { longPdf } from '../test-fixtures/pdf-builder.js';
import { IMPORT_STAGES, importReading, type ImportInput } from './index.js';

async function progressOf(input: ImportInput): Promise<Array<[number, string]>> {
  const seen: Array<[number, string]> = [];
  await importReading(input, { onProgress: (fraction, stage) => seen.push([fraction, stage]) });
  return seen;
}

const stages = (seen: Array<[number, string]>) => seen.map(([, s]) => s).filter((s, i, all) => s !== all[i - 1]);

function expectWellFormed(seen: Array<[number, string]>): void {
  expect(seen[0]).toEqual([0, 'detect']);
  expect(seen.at(-1)).toEqual([1, 'done']);
  for (let i = 1; i < seen.length; i++) {
    expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen[i]).not.toEqual(seen[i - 1]);
  }
  expect(seen.filter(([f]) => f === 1)).toHaveLength(1);
}

describe('import progress', () => {
  it('moves from 0 to 1 through every stage for pasted text', async () => {
    const seen = await progressOf({
      data: 'A Note\n\nThe lamp was lit at dusk and put out at dawn, every day of the year.',
    });
    expectWellFormed(seen);
    expect(stages(seen)).toEqual([...IMPORT_STAGES]);
  });

  it('reports each page of a PDF as it is read, so a long import shows a moving bar', async () => {
    const seen = await progressOf({ data: await longPdf(12) });
    expectWellFormed(seen);
    expect(stages(seen)).toEqual([...IMPORT_STAGES]);
    const reading = seen.filter(([, s]) => s === 'read').map(([f]) => f);
    expect(reading.length).toBeGreaterThanOrEqual(12);
    expect(new Set(reading).size).toBe(reading.length);
    // Reading the pages is most of the work and most of the bar.
    expect(reading.at(-1)! - reading[0]!).toBeGreaterThan(0.5);
  });

  it('steps through unpacking and converting a Word document', async () => {
    const seen = await progressOf({ data: await docxWithFootnotes() });
    expectWellFormed(seen);
    expect(seen.filter(([, s]) => s === 'read').length).toBeGreaterThanOrEqual(3);
  });

  it('stops where the import fails, without reporting it done', async () => {
    const failed: Array<[number, string]> = [];
    await expect(
      importReading(
        { data: new TextEncoder().encode('%PDF-1.7\nnothing else'), filename: 'x.pdf' },
        { onProgress: (f, s) => failed.push([f, s]) },
      ),
    ).rejects.toMatchObject({ code: 'CORRUPT_PDF' });
    expect(failed[0]).toEqual([0, 'detect']);
    expect(failed.map(([, s]) => s)).not.toContain('done');
  });
});
