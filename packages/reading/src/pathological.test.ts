import { describe, expect, it } from 'vitest';
import { importReading, type ReadingDocument } from './index.js';

// Input built to be slow: huge lines, hundreds of thousands of blocks, and the shapes that make
// badly written patterns backtrack. Each import must finish (within the test timeout; no timings
// are asserted) and still give the structure the text has.

const MB = 1024 * 1024;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
const paragraphs = (doc: ReadingDocument) => doc.blocks.filter((b) => b.type === 'paragraph');

describe('pathological input finishes', { timeout: 60_000 }, () => {
  it('a 5 MB text on a single line', async () => {
    const line = words(Math.ceil((5 * MB) / 7)).slice(0, 5 * MB);
    const doc = await importReading({ data: `Long Line\n\n${line}` });
    expect(doc.title).toBe('Long Line');
    expect(doc.blocks).toEqual([{ type: 'paragraph', text: line.trim() }]);
  });

  it('100,000 tiny paragraphs', async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `Entry ${i} ends here.`);
    const doc = await importReading({ data: `Log Book\n\nBy Ada Brook\n\n${body.join('\n\n')}` });
    expect(doc.authors).toEqual(['Ada Brook']);
    expect(doc.blocks.map((b) => b.text)).toEqual(body);
  });

  it('one paragraph hard-wrapped over 100,000 lines', async () => {
    const lines = Array.from(
      { length: 100_000 },
      (_, i) => `line ${i} of a paragraph that keeps going on without end and`,
    );
    const doc = await importReading({ data: `Wrapped\n\n${lines.join('\n')}.` });
    expect(paragraphs(doc).map((b) => b.text)).toEqual([`${lines.join(' ')}.`]);
  });

  it('100,000 unfinished paragraphs that each continue the one before', async () => {
    const parts = Array.from(
      { length: 100_000 },
      (_, i) => `and part ${i} of one long sentence that runs on past every blank line`,
    );
    const doc = await importReading({ data: `Run On\n\n${parts.join('\n\n')}` });
    expect(paragraphs(doc).map((b) => b.text)).toEqual([parts.join(' ')]);
    expect(doc.warnings.map((w) => w.code)).toContain('PARAGRAPHS_REJOINED');
  });

  it('long runs of spaces, dots, brackets and half-written links', async () => {
    const runs = [
      `two${' '.repeat(2 * MB)}words`,
      `Leaders${' .'.repeat(MB / 2)}`,
      `Brackets ${'[['.repeat(MB / 4)} end`,
      `Links ${'<http://'.repeat(MB / 8)} end`,
      `Notes ${'word¹ '.repeat(MB / 6)}end`,
      `Dates ${'1 January 2020, '.repeat(MB / 16)}end`,
    ];
    for (const run of runs) {
      const doc = await importReading({ data: `Odd Text\n\n${run}` });
      expect(doc.title).toBe('Odd Text');
      expect(doc.blocks).toHaveLength(1);
      expect(doc.blocks[0]!.text.slice(0, 4)).toBe(run.slice(0, 4));
    }
  });

  it('Markdown full of unclosed emphasis and footnote brackets', async () => {
    for (const run of ['**a'.repeat(MB / 6), '*â€'.repeat(MB / 6), '_b '.repeat(MB / 6)]) {
      const doc = await importReading({ data: `# Marks\n\n${run}` });
      expect(doc.title).toBe('Marks');
      expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph']);
      expect(doc.warnings.map((w) => w.code)).toContain('MARKDOWN_KEPT_PLAIN');
    }
    const doc = await importReading({ data: `# Marks\n\n${'[^a'.repeat(MB / 6)}` });
    expect(doc.blocks[0]!.text).toMatch(/^\[\^a\[\^a/);
  });

  it('a web page with 20,000 paragraphs', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i} of the page, with a few words in it.</p>`);
    const doc = await importReading({
      data: new TextEncoder().encode(`<!doctype html><html><body><article>${body.join('')}</article></body></html>`),
    });
    expect(paragraphs(doc)).toHaveLength(20_000);
  });
});
