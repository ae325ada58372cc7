import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AttemptDeadlines } from './attempt-deadlines.js';
import { publishedQuiz, quizParams, rightResponse, startAttempt } from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

/** Polls until `check` answers, for work the job queue does in its own time. */
async function until<T>(check: () => Promise<T | undefined>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('deadlines', () => {
  it('has the job at the deadline submit an attempt with what was saved, nobody calling', async () => {
    const c = await publishedQuiz(t, { timeLimitMinutes: 5 });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    const [choice] = c.questions;
    await c.student.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: choice!.id }), {
      response: rightResponse(choice!),
    });
    // The five minutes pass: the deadline is moved into the past and its job sent for now.
    const deadline = new Date(Date.now() - 1000);
    await t.prisma.quizAttempt.update({ where: { id: attempt.id }, data: { deadline } });
    await t.api.app.get(AttemptDeadlines).schedule(attempt.id, deadline);
    const stored = await until(async () => {
      const row = await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
      return row.status === 'SUBMITTED' ? row : undefined;
    });
    expect(stored).toMatchObject({ autoSubmitted: true, submittedAt: deadline, score: 2 });
  });

  it('submits overdue attempts a lost job left behind when staff list them', async () => {
    const c = await publishedQuiz(t, { timeLimitMinutes: 5 });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    await t.prisma.quizAttempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const listed = await c.instructor.call('listAttempts', quizParams(c));
    expect(listed.body).toEqual([expect.objectContaining({ id: attempt.id, status: 'submitted', score: 0 })]);
  });

  it('ends an attempt at the close when that comes before the time limit', async () => {
    const closesAt = new Date(Date.now() + 120_000);
    const c = await publishedQuiz(t, { timeLimitMinutes: 60, closesAt: closesAt.toISOString() });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    expect(attempt.deadline).toBe(closesAt.toISOString());
  });
});
