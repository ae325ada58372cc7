import { describe, expect, it } from 'vitest';
import { answersReleased, attemptScore, deadlineFor, quizGrade } from './quiz-rules.js';

describe('which attempt counts', () => {
  const scores = [4, 9, 6];
  it.each([
    ['highest', 9],
    ['first', 4],
    ['last', 6],
    ['average', 19 / 3],
  ] as const)('%s gives %d', (method, grade) => {
    expect(quizGrade(method, scores)).toBeCloseTo(grade, 6);
  });
  it('has no grade without attempts, or while a counting one awaits a grader', () => {
    expect(quizGrade('highest', [])).toBeNull();
    expect(quizGrade('average', [4, null])).toBeNull();
    expect(quizGrade('first', [4, null])).toBe(4);
    expect(quizGrade('last', [4, null])).toBeNull();
  });
});

describe('deadlines', () => {
  const start = new Date('2027-03-01T09:00:00Z');
  it('ends at the time limit or the close, whichever comes first', () => {
    const closesAt = new Date('2027-03-01T09:30:00Z');
    expect(deadlineFor({ opensAt: null, closesAt: null, timeLimitMinutes: 20 }, start)).toEqual(
      new Date('2027-03-01T09:20:00Z'),
    );
    expect(deadlineFor({ opensAt: null, closesAt, timeLimitMinutes: 45 }, start)).toEqual(closesAt);
    expect(deadlineFor({ opensAt: null, closesAt, timeLimitMinutes: null }, start)).toEqual(closesAt);
    expect(deadlineFor({ opensAt: null, closesAt: null, timeLimitMinutes: null }, start)).toBeNull();
  });
});

describe('release rules', () => {
  const now = new Date('2027-03-02T00:00:00Z');
  const closed = new Date('2027-03-01T00:00:00Z');
  const open = new Date('2027-03-03T00:00:00Z');
  const submitted = { status: 'SUBMITTED' as const };
  it('releases after submission, after the close, or by hand, and never an attempt in progress', () => {
    const quiz = (
      releaseAnswers: 'AFTER_SUBMIT' | 'AFTER_CLOSE' | 'MANUAL',
      closesAt: Date | null,
      released = false,
    ) => ({
      releaseAnswers,
      closesAt,
      released,
    });
    expect(answersReleased(quiz('AFTER_SUBMIT', open), submitted, now)).toBe(true);
    expect(answersReleased(quiz('AFTER_SUBMIT', open), { status: 'IN_PROGRESS' }, now)).toBe(false);
    expect(answersReleased(quiz('AFTER_CLOSE', open), submitted, now)).toBe(false);
    expect(answersReleased(quiz('AFTER_CLOSE', closed), submitted, now)).toBe(true);
    expect(answersReleased(quiz('AFTER_CLOSE', null), submitted, now)).toBe(false);
    expect(answersReleased(quiz('MANUAL', closed), submitted, now)).toBe(false);
    expect(answersReleased(quiz('MANUAL', closed, true), submitted, now)).toBe(true);
  });
});

describe('attempt scores', () => {
  it('sums grades over automatic scores, and waits while an answer is ungraded', () => {
    expect(
      attemptScore([
        { autoScore: 1, manualScore: null },
        { autoScore: 0, manualScore: 2 },
      ]),
    ).toBe(3);
    expect(
      attemptScore([
        { autoScore: 1, manualScore: null },
        { autoScore: null, manualScore: null },
      ]),
    ).toBeNull();
    expect(attemptScore([])).toBe(0);
  });
});
