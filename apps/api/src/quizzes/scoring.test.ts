import { describe, expect, it } from 'vitest';
import type { QuestionConfig } from '@commonplace/contracts';
import { correctResponse, multipleChoiceFraction, normaliseText, scoreFor, withinTolerance } from './scoring.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';
const option = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: '' });

describe('single choice', () => {
  const config: QuestionConfig = { type: 'single-choice', options: [option(A, false), option(B, true)] };
  it('gives the points for the correct option only', () => {
    expect(scoreFor(config, 2, B)).toEqual({ score: 2, correct: true });
    expect(scoreFor(config, 2, A)).toEqual({ score: 0, correct: false });
    expect(scoreFor(config, 2, undefined)).toEqual({ score: 0, correct: false });
    expect(correctResponse(config)).toBe(B);
  });
});

describe("multiple choice: Moodle's partial credit", () => {
  // Two correct (k = 2), two wrong (m = 2): each right choice +1/2, each wrong one -1/2, floor 0.
  const options = [option(A, true), option(B, true), option(C, false), option(D, false)];
  const config: QuestionConfig = { type: 'multiple-choice', options };
  it.each([
    [[A, B], 1],
    [[A], 0.5],
    [[A, C], 0],
    [[A, B, C], 0.5],
    [[A, B, C, D], 0],
    [[C, D], 0],
    [[], 0],
  ])('%j earns %d of the points', (chosen, fraction) => {
    expect(multipleChoiceFraction(options, chosen)).toBe(fraction);
  });
  it('scores on the question points, right only when all and only the correct ones are chosen', () => {
    expect(scoreFor(config, 3, [A])).toEqual({ score: 1.5, correct: false });
    expect(scoreFor(config, 3, [B, A])).toEqual({ score: 3, correct: true });
    expect(correctResponse(config)).toEqual([A, B]);
  });
  it('counts thirds with three correct options, with no wrong ones to take away', () => {
    const three = [option(A, true), option(B, true), option(C, true)];
    expect(scoreFor({ type: 'multiple-choice', options: three }, 3, [A, C])).toEqual({ score: 2, correct: false });
  });
});

describe('true / false', () => {
  it('compares the option id "true" or "false" with the key', () => {
    const config: QuestionConfig = { type: 'true-false', answer: false };
    expect(scoreFor(config, 1, 'false').score).toBe(1);
    expect(scoreFor(config, 1, 'true').score).toBe(0);
    expect(correctResponse(config)).toBe('false');
  });
});

describe('short answer', () => {
  const config: QuestionConfig = {
    type: 'short-answer',
    acceptedAnswers: ['Caspian Pipeline Consortium', 'CPC'],
    caseSensitive: false,
  };
  it('ignores case and surrounding or repeated whitespace', () => {
    expect(scoreFor(config, 1, '  caspian   pipeline\tconsortium ').score).toBe(1);
    expect(scoreFor(config, 1, 'cpc').score).toBe(1);
    expect(scoreFor(config, 1, 'Caspian Pipeline').score).toBe(0);
    expect(scoreFor(config, 1, '').score).toBe(0);
  });
  it('respects case when asked', () => {
    const strict: QuestionConfig = { ...config, caseSensitive: true };
    expect(scoreFor(strict, 1, 'cpc').score).toBe(0);
    expect(scoreFor(strict, 1, 'CPC').score).toBe(1);
  });
  it('compares composed and decomposed accents alike', () => {
    expect(normaliseText('Aktöbe', false)).toBe(normaliseText('Akto\u0308be', false));
  });
});

describe('numeric', () => {
  const config: QuestionConfig = { type: 'numeric', answer: 80, tolerance: 2 };
  it('accepts answers within the tolerance, edges included', () => {
    expect(scoreFor(config, 1, 78).score).toBe(1);
    expect(scoreFor(config, 1, 82).score).toBe(1);
    expect(scoreFor(config, 1, 82.01).score).toBe(0);
    expect(scoreFor(config, 1, '80').score).toBe(0);
  });
  it('does not fail an exact answer on floating point', () => {
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(0.31, 0.3, 0)).toBe(false);
  });
});

describe('cloze', () => {
  const config: QuestionConfig = {
    type: 'cloze',
    text: 'About {{1}} of exports go through the {{2}}.',
    blanks: [
      { acceptedAnswers: ['80%', 'eighty percent'], caseSensitive: false },
      { acceptedAnswers: ['CPC'], caseSensitive: true },
    ],
  };
  it('gives each blank its share of the points', () => {
    expect(scoreFor(config, 4, ['80%', 'CPC'])).toEqual({ score: 4, correct: true });
    expect(scoreFor(config, 4, ['Eighty  percent', 'cpc'])).toEqual({ score: 2, correct: false });
    expect(scoreFor(config, 4, ['', ''])).toEqual({ score: 0, correct: false });
    expect(correctResponse(config)).toEqual(['80%', 'CPC']);
  });
});

describe('matching', () => {
  const pairs = [
    { id: A, prompt: 'Astana', answerId: C, answer: 'capital' },
    { id: B, prompt: 'Almaty', answerId: D, answer: 'largest city' },
  ];
  const config: QuestionConfig = { type: 'matching', pairs };
  it('gives each right match its share', () => {
    expect(scoreFor(config, 2, { [A]: C, [B]: D })).toEqual({ score: 2, correct: true });
    expect(scoreFor(config, 2, { [A]: C, [B]: C })).toEqual({ score: 1, correct: false });
    expect(scoreFor(config, 2, {})).toEqual({ score: 0, correct: false });
    expect(correctResponse(config)).toEqual({ [A]: C, [B]: D });
  });
  it('takes two items with the same answer text as both right', () => {
    const same: QuestionConfig = { type: 'matching', pairs: [pairs[0]!, { ...pairs[1]!, answer: 'capital' }] };
    expect(scoreFor(same, 2, { [A]: D, [B]: C }).score).toBe(2);
  });
});

describe('essay', () => {
  it('waits for a grader when answered, and earns nothing when left empty', () => {
    const config: QuestionConfig = { type: 'essay', rubric: 'Two causes, one source.' };
    expect(scoreFor(config, 5, 'Because of the pipeline.')).toEqual({ score: null, correct: null });
    expect(scoreFor(config, 5, '   ')).toEqual({ score: 0, correct: false });
    expect(correctResponse(config)).toBeNull();
  });
});
