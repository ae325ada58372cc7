import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { publishedQuiz, quizParams, startAttempt, wrongResponse } from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

describe('the passage in a released review', () => {
  it('names the reading version its offsets refer to, so "Reread the passage" opens the right words', async () => {
    const c = await publishedQuiz(t, { releaseAnswers: 'manual' });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    const tied = c.questions[0]!;
    await c.student.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: tied.id }), {
      response: wrongResponse(tied),
    });
    const held = (await c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(held.review).toBeNull();

    await c.instructor.call('updateQuiz', quizParams(c), { released: true });
    const seen = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    const review = seen.review!.find((r) => r.questionId === tied.id)!;
    const version = (await t.prisma.reading.findUniqueOrThrow({ where: { id: c.readingId } })).version;
    expect(review).toMatchObject({ correct: false, passage: { readingId: c.readingId }, passageVersion: version });
    expect(seen.review!.filter((r) => r.passage === null).every((r) => r.passageVersion === null)).toBe(true);
  });
});
