import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissedPassage, QuizStatistics } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { workedExampleQuiz } from './stats-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

describe('quiz statistics', () => {
  it('gives the worked example’s figures from real attempts, with how often each option was chosen', async () => {
    const c = await workedExampleQuiz(t);
    const empty = (await c.ta.call('quizStatistics', { courseId: c.courseId, quizId: c.quizId }))
      .body as QuizStatistics;
    expect(empty.summary).toMatchObject({ attempts: 0, mean: null });
    expect(empty.questions[0]).toMatchObject({ facility: null, discrimination: null });

    await c.answerAll();
    // Student A tries again and gets everything wrong: the grade (highest) stays the first attempt's.
    await c.take(c.students.a, [[c.q1, c.option(c.q1, 'Sheep')]]);
    const stats = (await c.instructor.call('quizStatistics', { courseId: c.courseId, quizId: c.quizId }))
      .body as QuizStatistics;
    expect(stats.attemptsCounted).toBe('graded');
    expect(stats.summary).toMatchObject({ attempts: 4, students: 4, maxScore: 4, mean: 2.25, median: 2.5 });
    expect(stats.summary.sd).toBeCloseTo(1.707825, 5);
    const [q1, q2, q3] = stats.questions;
    expect(q1).toMatchObject({ facility: 0.5, attempts: 4, unanswered: 0 });
    expect(q1!.discrimination).toBeCloseTo(0.688247, 5);
    expect(q2!.discrimination).toBeCloseTo(0.19245, 5);
    expect(q2!.discriminativeEfficiency).toBeCloseTo(0.2, 6);
    expect(q3).toMatchObject({ facility: 0.625, unanswered: 1 });
    expect(q3!.discrimination).toBeCloseTo(0.852803, 5);
    expect(q1!.options!.map((o) => [o.text, o.correct, o.count])).toEqual([
      ['Logbooks', true, 2],
      ['Sheep', false, 1],
      ['Secrets', false, 1],
    ]);
    expect(q2!.options!.map((o) => [o.id, o.correct, o.count])).toEqual([
      ['true', true, 2],
      ['false', false, 2],
    ]);
    expect(q3!.options!.map((o) => [o.text, o.count, o.share])).toEqual([
      ['A', 3, 0.75],
      ['B', 2, 0.5],
      ['C', 0, 0],
    ]);
    expect(q1!.passage?.readingId).toBe(c.readingId);

    const all = (
      await c.instructor.call('quizStatistics', { courseId: c.courseId, quizId: c.quizId }, undefined, {
        attempts: 'all',
      })
    ).body as QuizStatistics;
    expect(all.summary).toMatchObject({ attempts: 5, students: 4 });
    expect(all.questions[0]!.options![1]).toMatchObject({ text: 'Sheep', count: 2 });
  });

  it('refuses an unknown way of counting attempts, and a quiz of another course', async () => {
    const c = await workedExampleQuiz(t);
    const bad = await c.instructor.call('quizStatistics', { courseId: c.courseId, quizId: c.quizId }, undefined, {
      attempts: 'best',
    });
    expect(bad.status).toBe(400);
    const other = await workedExampleQuiz(t);
    const foreign = await c.instructor.call('quizStatistics', { courseId: c.courseId, quizId: other.quizId });
    expect(foreign.status).toBe(404);
  });

  it('downloads the per-question table as CSV', async () => {
    const c = await workedExampleQuiz(t);
    await c.answerAll();
    const csv = await c.ta.request('GET', `/api/courses/${c.courseId}/quizzes/${c.quizId}/statistics.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).split('\r\n');
    expect(lines[0]).toContain('Facility index (%)');
    expect(lines[1]).toContain('50.0,57.7,68.8,100.0,*Logbooks: 2; Sheep: 1; Secrets: 1');
  });
});

describe('missed passages', () => {
  it('ranks the passages by the share of attempts short of full marks, per quiz and per reading', async () => {
    const c = await workedExampleQuiz(t);
    const none = (await c.ta.call('quizMissedPassages', { courseId: c.courseId, quizId: c.quizId }))
      .body as MissedPassage[];
    expect(none).toEqual([expect.objectContaining({ attempts: 0, missed: 0, missRate: 0 })]);

    await c.answerAll();
    const missed = (await c.ta.call('quizMissedPassages', { courseId: c.courseId, quizId: c.quizId }))
      .body as MissedPassage[];
    expect(missed).toEqual([
      expect.objectContaining({
        questionId: c.q1.id,
        readingId: c.readingId,
        exact: 'kept logbooks',
        readingVersion: 1,
        attempts: 4,
        missed: 2,
        missRate: 0.5,
      }),
    ]);
    expect(c.text.slice(missed[0]!.start, missed[0]!.end)).toBe('kept logbooks');

    const ofReading = await c.instructor.call('readingQuizMisses', { courseId: c.courseId, readingId: c.readingId });
    expect(ofReading.body).toEqual(missed);
    const asStudent = await c.student.call('readingQuizMisses', { courseId: c.courseId, readingId: c.readingId });
    expect(asStudent.status).toBe(403);
  });
});
