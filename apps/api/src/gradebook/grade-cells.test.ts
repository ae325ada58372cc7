import { describe, expect, it } from 'vitest';
import { staffCell, studentCell, totalOf } from './grade-cells.js';

const quiz = (over: Record<string, unknown> = {}) => ({
  id: 'quiz',
  gradingMethod: 'HIGHEST' as const,
  releaseAnswers: 'MANUAL' as const,
  released: false,
  closesAt: null,
  ...over,
});
const submitted = (number: number, score: number | null) => ({ number, status: 'SUBMITTED' as const, score });
const open = (number: number) => ({ number, status: 'IN_PROGRESS' as const, score: null });
const now = new Date('2027-03-01T12:00:00Z');

describe('a gradebook cell', () => {
  it('grades by the quiz’s method over the submitted attempts, an open one aside', () => {
    expect(staffCell(quiz(), [submitted(2, 6), submitted(1, 4), open(3)])).toEqual({
      quizId: 'quiz',
      status: 'graded',
      grade: 6,
      attempts: 3,
    });
    expect(staffCell(quiz({ gradingMethod: 'LAST' }), [submitted(2, 6), submitted(1, 4)]).grade).toBe(6);
    expect(staffCell(quiz({ gradingMethod: 'FIRST' }), [submitted(2, 6), submitted(1, 4)]).grade).toBe(4);
  });

  it('says what a cell without a grade waits for', () => {
    expect(staffCell(quiz(), []).status).toBe('not-attempted');
    expect(staffCell(quiz(), [open(1)]).status).toBe('in-progress');
    expect(staffCell(quiz(), [submitted(1, null)])).toMatchObject({ status: 'needs-grading', grade: null });
    // The first attempt makes the grade, so an ungraded second one does not hold it back.
    expect(staffCell(quiz({ gradingMethod: 'FIRST' }), [submitted(1, 3), submitted(2, null)])).toMatchObject({
      status: 'graded',
      grade: 3,
    });
  });

  it('shows a student nothing of a score before its release, then the grade', () => {
    const attempts = [submitted(1, 4)];
    expect(studentCell(quiz(), attempts, now)).toMatchObject({ status: 'awaiting-release', grade: null });
    expect(studentCell(quiz({ released: true }), attempts, now)).toMatchObject({ status: 'graded', grade: 4 });
    expect(studentCell(quiz({ releaseAnswers: 'AFTER_SUBMIT' }), [submitted(1, null)], now).status).toBe(
      'needs-grading',
    );
  });

  it('totals the grades there are', () => {
    expect(
      totalOf([
        { quizId: 'a', status: 'graded', grade: 0.1, attempts: 1 },
        { quizId: 'b', status: 'graded', grade: 0.2, attempts: 1 },
        { quizId: 'c', status: 'in-progress', grade: null, attempts: 1 },
      ]),
    ).toBe(0.3);
  });
});
