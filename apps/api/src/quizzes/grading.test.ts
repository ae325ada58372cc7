import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView, GradingQueueItem, StaffQuestion } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { publishedQuiz, quizParams, rightResponse, SECRETS, startAttempt, type QuizCast } from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

async function submittedWithRightAnswers(c: QuizCast) {
  const attempt = (await startAttempt(c.student, c)).body as AttemptView;
  for (const question of c.questions)
    await c.student.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: question.id }), {
      response: rightResponse(question),
    });
  return (await c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
}

describe('grading by hand', () => {
  it('queues the essay with its rubric, and a grade completes the score the student sees', async () => {
    const c = await publishedQuiz(t);
    const attempt = await submittedWithRightAnswers(c);
    expect(attempt.score).toBeNull();
    const essay = c.questions.at(-1)!;
    const queue = (await c.ta.call('gradingQueue', quizParams(c))).body as GradingQueueItem[];
    expect(queue).toEqual([
      expect.objectContaining({
        attemptId: attempt.id,
        userId: c.student.userId,
        questionId: essay.id,
        rubric: SECRETS.rubric,
        points: 5,
        response: 'Because the lamps went electric.',
      }),
    ]);

    const tooMuch = await c.ta.call('gradeAnswer', quizParams(c, { attemptId: attempt.id, questionId: essay.id }), {
      score: 6,
    });
    expect(tooMuch.body.error.code).toBe('GRADE_ABOVE_POINTS');
    const graded = await c.ta.call('gradeAnswer', quizParams(c, { attemptId: attempt.id, questionId: essay.id }), {
      score: 4,
      feedback: 'Good, but name a source.',
    });
    expect(graded.body).toMatchObject({ score: 4, attemptScore: 15 });
    expect((await c.ta.call('gradingQueue', quizParams(c))).body).toEqual([]);

    const seen = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(seen.score).toBe(15);
    expect(seen.review!.at(-1)).toMatchObject({ score: 4, feedback: 'Good, but name a source.' });
  });

  it('does not grade an attempt in progress', async () => {
    const c = await publishedQuiz(t);
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    const essay = c.questions.at(-1)!;
    const early = await c.ta.call('gradeAnswer', quizParams(c, { attemptId: attempt.id, questionId: essay.id }), {
      score: 1,
    });
    expect(early.body.error.code).toBe('ATTEMPT_NOT_SUBMITTED');
  });
});

describe('regrading after a key change', () => {
  it('scores every submitted attempt again and lists the scores that changed', async () => {
    const c = await publishedQuiz(t);
    const attempt = await submittedWithRightAnswers(c);
    const essay = c.questions.at(-1)!;
    await c.ta.call('gradeAnswer', quizParams(c, { attemptId: attempt.id, questionId: essay.id }), { score: 5 });
    const unchanged = await c.instructor.call('regradeQuiz', quizParams(c));
    expect(unchanged.body).toEqual([]);

    // The key was wrong: the correct option of the first question is now another one.
    const choice = c.questions[0] as Extract<StaffQuestion, { type: 'single-choice' }>;
    await c.instructor.call('updateQuestion', quizParams(c, { questionId: choice.id }), {
      options: choice.options.map((o, i) => ({ id: o.id, text: o.text, correct: i === 1 })),
    });
    const changed = await c.instructor.call('regradeQuiz', quizParams(c));
    expect(changed.body).toEqual([
      { attemptId: attempt.id, userId: c.student.userId, userName: 'Student', before: 16, after: 14 },
    ]);
    const seen = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(seen.review![0]).toMatchObject({ score: 0, correct: false, correctResponse: choice.options[1]!.id });
    expect(seen.score).toBe(14);
  });
});
