import { describe, expect, it } from 'vitest';
import type { QuestionPassage, QuestionReview, StudentQuestion } from '@commonplace/contracts';
import { passageHref, passagesToReview, points, releaseRule } from './results';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const passage = (start: number, end: number, exact: string): QuestionPassage => ({
  readingId: id(9),
  selector: [
    { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start, end },
  ],
});
const question = (n: number): StudentQuestion => ({
  id: id(n),
  type: 'true-false',
  prompt: `Q${n}`,
  points: 1,
  options: [],
});
const review = (n: number, correct: boolean | null, where: QuestionPassage | null): QuestionReview => ({
  questionId: id(n),
  score: correct ? 1 : 0,
  points: 1,
  correct,
  feedback: '',
  correctResponse: 'true',
  passage: where,
  passageVersion: where ? 2 : null,
});

describe('results', () => {
  it('links to the reader on the passage at its version', () => {
    expect(passageHref('c', passage(120, 340, 'kept logbooks'), 3)).toBe(
      `/courses/c/readings/${id(9)}?passage=120-340&version=3`,
    );
    expect(passageHref('c', passage(1, 5, 'x'), null)).toBe(`/courses/c/readings/${id(9)}?passage=1-5`);
  });

  it('lists the passages of the missed questions once each, not of the right or ungraded ones', () => {
    const storm = passage(10, 20, 'the storm');
    const lamps = passage(30, 40, 'the lamps');
    const list = passagesToReview('c', [1, 2, 3, 4, 5].map(question), [
      review(1, false, storm),
      review(2, true, lamps),
      review(3, false, storm),
      review(4, null, lamps),
      review(5, false, null),
    ]);
    expect(list).toEqual([
      {
        href: `/courses/c/readings/${id(9)}?passage=10-20&version=2`,
        quote: 'the storm',
        readingId: id(9),
        questions: [1, 3],
      },
    ]);
  });

  it('says when results are released, in plain words', () => {
    expect(releaseRule('after-submit', null)).toEqual({ when: 'as soon as you submit', at: null });
    expect(releaseRule('after-close', '2027-03-01T10:00:00.000Z')).toEqual({
      when: 'once the quiz closes, on',
      at: '2027-03-01T10:00:00.000Z',
    });
    expect(releaseRule('after-close', null).when).toBe('once your instructor closes the quiz');
    expect(releaseRule('manual', null).when).toBe('when your instructor releases them');
    expect(points(1 / 3)).toBe('0.333');
    expect(points(2)).toBe('2');
  });
});
