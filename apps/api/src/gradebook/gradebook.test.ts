import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, Gradebook, MyGrades } from '@commonplace/contracts';
import { annotate, targetOf } from '../annotations/annotation-fixtures.js';
import { enrol, signUp } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { workedExampleQuiz } from '../quiz-statistics/stats-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

const rowOf = (book: Gradebook, userId: string) => book.students.find((s) => s.userId === userId)!;

describe('gradebook', () => {
  it('gives every student a grade or a status on every published quiz, with the total', async () => {
    const c = await workedExampleQuiz(t);
    const { courseId } = c;
    // A draft quiz is no column; an essay quiz someone submitted waits for grading.
    await c.instructor.call('createQuiz', { courseId }, { title: 'Draft' });
    const essayQuiz = (await c.instructor.call('createQuiz', { courseId }, { title: 'Essay' })).body.id as string;
    const essay = await c.instructor.call(
      'createQuestion',
      { courseId, quizId: essayQuiz },
      { type: 'essay', prompt: 'Why?', points: 5 },
    );
    await c.instructor.call('publishQuiz', { courseId, quizId: essayQuiz });
    const attempt = (await c.students.b.call('startAttempt', { courseId, quizId: essayQuiz })).body as AttemptView;
    await c.students.b.call(
      'saveAnswer',
      { courseId, quizId: essayQuiz, attemptId: attempt.id, questionId: essay.body.id },
      { response: 'Storms.' },
    );
    await c.students.b.call('submitAttempt', { courseId, quizId: essayQuiz, attemptId: attempt.id });
    await c.answerAll();
    await c.students.a.call('startAttempt', { courseId, quizId: essayQuiz });

    const book = (await c.ta.call('gradebook', { courseId })).body as Gradebook;
    expect(book.quizzes.map((q) => [q.title, q.totalPoints])).toEqual([
      ['Week 1 check', 4],
      ['Essay', 5],
    ]);
    expect(book.students).toHaveLength(4);
    expect(book.hasParticipation).toBe(false);
    const cells = (userId: string) => rowOf(book, userId).cells.map((cell) => [cell.status, cell.grade]);
    expect(cells(c.students.a.userId)).toEqual([
      ['graded', 4],
      ['in-progress', null],
    ]);
    expect(cells(c.students.b.userId)).toEqual([
      ['graded', 3],
      ['needs-grading', null],
    ]);
    expect(rowOf(book, c.students.d.userId).cells[1]).toMatchObject({ status: 'not-attempted', attempts: 0 });
    expect(rowOf(book, c.students.c.userId).total).toBe(2);
  });

  it('adds the participation columns once the class has annotated', async () => {
    const c = await workedExampleQuiz(t);
    await annotate(c.student, c, { target: targetOf(c.text, 'kept logbooks'), visibility: 'course' });
    const book = (await c.instructor.call('gradebook', { courseId: c.courseId })).body as Gradebook;
    expect(book.hasParticipation).toBe(true);
    expect(rowOf(book, c.student.userId).participation).toMatchObject({ annotations: 1 });
    expect(rowOf(book, c.partner.userId).participation).toMatchObject({ annotations: 0 });
  });

  it('shows a student only their own released scores', async () => {
    const c = await workedExampleQuiz(t, { releaseAnswers: 'manual' });
    await c.answerAll();
    const before = (await c.students.b.call('myGrades', { courseId: c.courseId })).body as MyGrades;
    expect(before.row.userId).toBe(c.students.b.userId);
    expect(before.row.cells).toEqual([expect.objectContaining({ status: 'awaiting-release', grade: null })]);
    expect(before.row.total).toBe(0);
    expect(before.row.participation).toBeNull();

    await c.instructor.call('updateQuiz', { courseId: c.courseId, quizId: c.quizId }, { released: true });
    const after = (await c.students.b.call('myGrades', { courseId: c.courseId })).body as MyGrades;
    expect(after.row.cells).toEqual([expect.objectContaining({ status: 'graded', grade: 3 })]);
    expect((await c.students.b.call('gradebook', { courseId: c.courseId })).status).toBe(403);
  });

  it('downloads as CSV with names a spreadsheet would run defused', async () => {
    const c = await workedExampleQuiz(t);
    const sly = await signUp(t, 'Sly');
    await t.prisma.user.update({ where: { id: sly.userId }, data: { name: '=HYPERLINK("http://x")' } });
    await enrol(t, c.courseId, sly.userId, 'STUDENT');
    await c.answerAll();
    const csv = await c.instructor.request('GET', `/api/courses/${c.courseId}/gradebook.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('gradebook.csv');
    const lines = (csv.body as string).replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Student,Email,Week 1 check (/4),Total');
    expect(lines).toContainEqual(expect.stringMatching(/^"'=HYPERLINK\(""http:\/\/x""\)",[^,]+,not attempted,0$/));
    expect(lines).toContainEqual(`Student,${c.student.email},4,4`);
  });
});
