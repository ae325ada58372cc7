import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffQuiz, StudentQuiz } from '@commonplace/contracts';
import { courseWithReading } from '../annotations/annotation-fixtures.js';
import { courseWithCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { publishedQuiz, quizParams, startAttempt } from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe('the readings a quiz names', () => {
  it('are stored in the order given, replaced whole by a PATCH, and left alone when it omits them', async () => {
    const cast = await courseWithReading(t);
    const { courseId, instructor } = cast;
    const second = (await savedReading(t, instructor, courseId)).body.id as string;
    const created = await instructor.call(
      'createQuiz',
      { courseId },
      { title: 'Week 1', readingIds: [second, cast.readingId] },
    );
    expect(created.status).toBe(201);
    expect((created.body as StaffQuiz).readings.map((r) => r.id)).toEqual([second, cast.readingId]);
    const quizId = created.body.id as string;

    const retitled = await instructor.call('updateQuiz', { courseId, quizId }, { title: 'Week one' });
    expect((retitled.body as StaffQuiz).readings.map((r) => r.id)).toEqual([second, cast.readingId]);

    const narrowed = await instructor.call('updateQuiz', { courseId, quizId }, { readingIds: [cast.readingId] });
    expect((narrowed.body as StaffQuiz).readings).toEqual([
      { id: cast.readingId, title: expect.stringContaining('Lighthouses') },
    ]);
    const cleared = await instructor.call('updateQuiz', { courseId, quizId }, { readingIds: [] });
    expect((cleared.body as StaffQuiz).readings).toEqual([]);
  });

  it('refuses a reading of another course, an unknown one, and the same one twice, changing nothing', async () => {
    const cast = await courseWithReading(t);
    const { courseId, instructor } = cast;
    const other = await courseWithCast(t, 'Another course');
    const foreign = (await savedReading(t, other.instructor, other.courseId)).body.id as string;

    const refused = await instructor.call('createQuiz', { courseId }, { title: 'Q', readingIds: [foreign] });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('READING_NOT_FOUND');
    expect(await t.prisma.quiz.count()).toBe(0);

    const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Q', readingIds: [cast.readingId] }))
      .body.id as string;
    const unknown = await instructor.call(
      'updateQuiz',
      { courseId, quizId },
      { readingIds: ['00000000-0000-4000-8000-000000000000'] },
    );
    expect(unknown.status).toBe(404);
    const twice = await instructor.call(
      'updateQuiz',
      { courseId, quizId },
      { readingIds: [cast.readingId, cast.readingId] },
    );
    expect(twice.status).toBe(400);
    const stored = await instructor.call('getQuiz', { courseId, quizId });
    expect((stored.body as StaffQuiz).readings.map((r) => r.id)).toEqual([cast.readingId]);
  });

  it('shows a student only the named readings assigned to them', async () => {
    const c = await publishedQuiz(t);
    const unassigned = (await savedReading(t, c.instructor, c.courseId)).body.id as string;
    await c.instructor.call('updateQuiz', quizParams(c), { readingIds: [c.readingId, unassigned] });
    const listed = await c.student.call('listQuizzes', { courseId: c.courseId });
    expect((listed.body as StudentQuiz[])[0]!.readings.map((r) => r.id)).toEqual([c.readingId]);
    const staffView = await c.instructor.call('getQuiz', quizParams(c));
    expect((staffView.body as StaffQuiz).readings).toHaveLength(2);
  });
});

describe('the staff list', () => {
  it('counts the attempts started at each quiz', async () => {
    const c = await publishedQuiz(t);
    const before = await c.instructor.call('listQuizzes', { courseId: c.courseId });
    expect((before.body as StaffQuiz[])[0]!.attemptCount).toBe(0);
    await startAttempt(c.student, c);
    await startAttempt(c.partner, c);
    const after = await c.instructor.call('listQuizzes', { courseId: c.courseId });
    expect((after.body as StaffQuiz[])[0]).toMatchObject({ attemptCount: 2, questionCount: 8 });
    expect((after.body as StaffQuiz[])[0]!.questions).toBeUndefined();
  });
});
