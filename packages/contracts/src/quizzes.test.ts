import { describe, expect, it } from 'vitest';
import { answerResponse, questionCreate, quizCreate, quizPatch, studentQuestion } from './quizzes.js';

describe('questions as staff write them', () => {
  it('needs exactly one correct option for single choice and at least one for multiple choice', () => {
    const options = (...correct: boolean[]) => correct.map((c, i) => ({ text: `Option ${i}`, correct: c }));
    const single = (o: unknown) => questionCreate.safeParse({ type: 'single-choice', prompt: 'Q', options: o });
    const multiple = (o: unknown) => questionCreate.safeParse({ type: 'multiple-choice', prompt: 'Q', options: o });
    expect(single(options(true, false)).success).toBe(true);
    expect(single(options(true, true)).success).toBe(false);
    expect(single(options(false, false)).success).toBe(false);
    expect(multiple(options(true, true, false)).success).toBe(true);
    expect(multiple(options(false, false)).success).toBe(false);
    expect(single(options(true)).success).toBe(false);
  });

  it('fills in the defaults: one point, case-insensitive, no tolerance, no passage', () => {
    const short = questionCreate.parse({ type: 'short-answer', prompt: 'Q', acceptedAnswers: ['A'] });
    expect(short).toMatchObject({ points: 1, caseSensitive: false, passage: null, feedback: '' });
    const numeric = questionCreate.parse({ type: 'numeric', prompt: 'Q', answer: 3 });
    expect(numeric).toMatchObject({ tolerance: 0 });
  });

  it('asks a cloze to mark each blank once, numbered from 1', () => {
    const cloze = (text: string, blanks: number) =>
      questionCreate.safeParse({
        type: 'cloze',
        prompt: 'Q',
        text,
        blanks: Array.from({ length: blanks }, () => ({ acceptedAnswers: ['x'] })),
      }).success;
    expect(cloze('A {{1}} and a {{2}}.', 2)).toBe(true);
    expect(cloze('A {{2}} and a {{1}}.', 2)).toBe(true);
    expect(cloze('A {{1}} and a {{1}}.', 2)).toBe(false);
    expect(cloze('A {{1}}.', 2)).toBe(false);
    expect(cloze('A {{0}}.', 1)).toBe(false);
  });

  it('refuses what the database cannot hold and points beyond the bounds', () => {
    expect(questionCreate.safeParse({ type: 'true-false', prompt: 'Q\u0000', answer: true }).success).toBe(false);
    expect(questionCreate.safeParse({ type: 'true-false', prompt: 'Q', answer: true, points: -1 }).success).toBe(false);
    expect(questionCreate.safeParse({ type: 'numeric', prompt: 'Q', answer: 1e300 }).success).toBe(false);
    expect(questionCreate.safeParse({ type: 'no-such-type', prompt: 'Q' }).success).toBe(false);
  });
});

describe('what a student is shown', () => {
  it('has no field for the key: parsing strips it', () => {
    const shown = studentQuestion.parse({
      id: '00000000-0000-4000-8000-000000000001',
      type: 'single-choice',
      prompt: 'Q',
      points: 1,
      options: [{ id: 'a', text: 'A', correct: true, feedback: 'Yes' }],
      acceptedAnswers: ['secret'],
      feedback: 'secret',
      passage: { readingId: 'x' },
    });
    expect(JSON.stringify(shown)).not.toMatch(/correct|secret|feedback|passage/);
  });

  it('takes an option id, a list, text, a number, or matches as an answer', () => {
    const uuid = '00000000-0000-4000-8000-000000000001';
    for (const response of ['id', ['a', 'b'], 'text', 4.5, { [uuid]: uuid }])
      expect(answerResponse.safeParse(response).success).toBe(true);
    for (const response of [null, true, { notAnId: 'x' }, Number.POSITIVE_INFINITY, 'x\u0000'])
      expect(answerResponse.safeParse(response).success).toBe(false);
  });
});

describe('quiz settings', () => {
  it('closes after it opens, and leaves what a patch omits undefined', () => {
    expect(
      quizCreate.safeParse({ title: 'Q', opensAt: '2027-03-02T09:00:00Z', closesAt: '2027-03-01T09:00:00Z' }).success,
    ).toBe(false);
    expect(quizCreate.parse({ title: 'Q' })).toMatchObject({ attemptsAllowed: null, releaseAnswers: 'after-submit' });
    expect(quizPatch.parse({ title: 'New' })).toEqual({ title: 'New' });
    expect(quizPatch.safeParse({}).success).toBe(false);
    expect(quizPatch.safeParse({ timeLimitMinutes: 2_147_483_648 }).success).toBe(false);
  });
});
