import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalText, importReading } from '@commonplace/reading';
import { questionCreate } from '@commonplace/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.schema.js';
import { suggestQuestions, type SuggestInput } from './suggest.js';

/** The course's own readings (READINGS_DIR), imported by the real importer as the app imports them. */
const READINGS_DIR = loadConfig().READINGS_DIR;

async function course(prefix: string): Promise<SuggestInput> {
  if (!existsSync(READINGS_DIR))
    throw new Error(`These tests read the course's readings: put them at ${READINGS_DIR} (or set READINGS_DIR).`);
  const name = readdirSync(READINGS_DIR).find((file) => file.startsWith(prefix))!;
  const document = await importReading({ data: readFileSync(join(READINGS_DIR, name), 'utf8') });
  const canonical = canonicalText(document);
  return {
    readingId: '2f0b8c52-3d4e-4b6a-9c1d-5e6f7a8b9c0d',
    title: document.title,
    text: canonical.text,
    blocks: document.blocks.map((block, i) => ({ type: block.type, ...canonical.blocks[i]! })),
  };
}

const readings: Record<string, SuggestInput> = {};
beforeAll(async () => {
  for (const prefix of ['000', '001', '002', '003', '004']) readings[prefix] = await course(prefix);
});

describe('suggestions from the course readings', () => {
  it("asks what share of Kazakhstan's oil goes through the Caspian Pipeline Consortium, wrong options from the same reading", () => {
    const jones = readings['001']!;
    const suggestions = suggestQuestions(jones, 10);
    const cpc = suggestions.find((s) => s.passage.quote.includes('exported through Russia via the CPC'));
    expect(cpc, 'the CPC question is among the ten best').toBeDefined();
    expect(cpc!.answer).toBe('80 percent');
    const question = cpc!.question;
    if (question.type !== 'single-choice') throw new Error(`expected a single choice, got ${question.type}`);
    expect(question.prompt).toContain('“About _____ of its oil and gas is exported through Russia via the CPC.”');
    const right = question.options.filter((o) => o.correct).map((o) => o.text);
    expect(right).toEqual(['80 percent']);
    const wrong = question.options.filter((o) => !o.correct).map((o) => o.text);
    expect(wrong).toHaveLength(3);
    // Each wrong option is a percentage the same reading states.
    for (const option of wrong) {
      const value = option.replace(' percent', '');
      expect(jones.text).toMatch(new RegExp(`\\b${value.replace('.', '\\.')}(?: percent|%)`));
    }
    expect(jones.text.slice(cpc!.passage.start, cpc!.passage.end)).toBe(
      'About 80 percent of its oil and gas is exported through Russia via the CPC.',
    );
  });

  it('gives the web article’s 80% as a cloze accepting every spelling, once though the scrape holds the article twice', () => {
    const mikovic = suggestQuestions(readings['002']!, 100);
    const pipeline = mikovic.filter((s) => s.passage.quote.startsWith('The pipeline carries over'));
    expect(pipeline).toHaveLength(1);
    expect(pipeline[0]!.question).toMatchObject({
      type: 'cloze',
      blanks: [{ acceptedAnswers: expect.arrayContaining(['80%', '80 percent']) }],
    });
  });

  it('makes valid, distinct questions on every reading, none from headings, captions or the table of contents', () => {
    for (const [prefix, reading] of Object.entries(readings)) {
      const suggestions = suggestQuestions(reading, 100);
      expect(suggestions.length, prefix).toBeGreaterThan(prefix === '003' ? 0 : 10);
      const headings = reading.blocks.filter((b) => b.type !== 'paragraph' && b.type !== 'list-item');
      for (const s of suggestions) {
        expect(questionCreate.safeParse(s.question).success, `${prefix} ${s.id}`).toBe(true);
        expect(headings.some((h) => s.passage.start >= h.start && s.passage.start < h.end)).toBe(false);
        expect(s.passage.quote).not.toMatch(/\.{4,}/);
      }
      expect(new Set(suggestions.map((s) => s.passage.quote)).size).toBe(suggestions.length);
      const kinds = new Set(suggestions.map((s) => s.kind));
      if (prefix !== '003') expect(kinds.size, `${prefix}: ${[...kinds]}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('is the same for the same text, run after run', () => {
    for (const reading of Object.values(readings))
      expect(suggestQuestions(reading, 100)).toEqual(suggestQuestions(structuredClone(reading), 100));
  });
});
