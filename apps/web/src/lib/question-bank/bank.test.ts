import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '@commonplace/contracts';
import { exportHref, filtersOf, importProblems, keyFromJson, keyJson, keySummary, pageQuery, parseTags } from './bank';

const meta = {
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-000000000002',
  title: '',
  category: 'Week 1',
  tags: [],
  prompt: 'Capital?',
  points: 1,
  feedback: '',
  passage: null,
  readingVersion: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  deletedAt: null,
};
const choice = {
  ...meta,
  type: 'single-choice',
  options: [
    { id: 'a1', text: 'Almaty', correct: false, feedback: '' },
    { id: 'a2', text: 'Astana', correct: true, feedback: 'Since 1997.' },
  ],
} as BankQuestion;

describe('the bank page’s helpers', () => {
  it('summarises each key in a few words', () => {
    expect(keySummary(choice)).toBe('2 options; right: Astana');
    expect(keySummary({ ...meta, type: 'numeric', answer: 1511, tolerance: 10 } as BankQuestion)).toBe('1511 ± 10');
    expect(keySummary({ ...meta, type: 'true-false', answer: false } as BankQuestion)).toBe('False');
  });

  it('reads tags and filters, dropping empty ones', () => {
    expect(parseTags(' oil, pipelines,, oil ,')).toEqual(['oil', 'pipelines']);
    expect(filtersOf(new URLSearchParams('type=essay&category=&q=%20cpc%20'))).toEqual({ type: 'essay', q: 'cpc' });
  });

  it('lists an import refusal’s problems in line order', () => {
    expect(importProblems({ '12': 'b', '3': 'a', body: 'not a line' })).toEqual([
      { line: 3, message: 'a' },
      { line: 12, message: 'b' },
    ]);
  });

  it('pages the list with its filters, leaving a delete’s undo note behind', () => {
    expect(pageQuery(new URLSearchParams('q=oil&deleted=x&label=y&page=1'), 2)).toBe('q=oil&page=2');
  });

  it('links the export with the list’s filters', () => {
    expect(exportHref('c1', 'aiken', { type: 'single-choice', category: 'Week 1' })).toBe(
      '/api/courses/c1/question-bank/export?format=aiken&type=single-choice&category=Week+1',
    );
  });

  it('edits a key as JSON, keeping option ids by place', () => {
    const shown = keyJson(choice);
    expect(shown).not.toContain('a1');
    const edited = JSON.parse(shown) as { options: { text: string }[] };
    edited.options.push({ text: 'Shymkent' });
    expect(keyFromJson(JSON.stringify(edited), choice)).toEqual({
      ok: true,
      patch: {
        options: [
          { id: 'a1', text: 'Almaty', correct: false, feedback: '' },
          { id: 'a2', text: 'Astana', correct: true, feedback: 'Since 1997.' },
          { text: 'Shymkent' },
        ],
      },
    });
    expect(keyFromJson('{ options: ', choice)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not valid JSON'),
    });
    expect(keyFromJson('[1]', choice)).toMatchObject({ ok: false });
  });
});
