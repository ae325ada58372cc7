import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewResult, QuizPreview, StaffQuiz } from '@commonplace/contracts';
import { courseWithReading } from '../annotations/annotation-fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { everyType, publishedQuiz, quizParams, rightResponse, SECRETS, wrongResponse } from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

const recorded = async (quizId: string) => ({
  attempts: await t.prisma.quizAttempt.count({ where: { quizId } }),
  answers: await t.prisma.quizAnswer.count({ where: { attempt: { quizId } } }),
});

describe('preview as a student', () => {
  it('shows the questions without the key and scores answers without recording anything', async () => {
    const c = await publishedQuiz(t);
    const preview = await c.instructor.call('previewQuiz', quizParams(c));
    expect(preview.status).toBe(200);
    const shown = preview.body as QuizPreview;
    expect(shown.questions.map((q) => q.id)).toEqual(c.questions.map((q) => q.id));
    expect(shown.maxScore).toBe(16);
    for (const secret of Object.values(SECRETS)) expect(JSON.stringify(shown)).not.toContain(secret);

    const responses = Object.fromEntries(
      c.questions.map((q, i) => [q.id, i % 2 === 0 ? rightResponse(q) : wrongResponse(q)]),
    );
    const checked = await c.ta.call('checkPreview', quizParams(c), { responses });
    expect(checked.status).toBe(200);
    const result = checked.body as PreviewResult;
    // Right: single choice 2, true/false 1, numeric 1, matching 2 (the essay, last, waits for a person).
    expect(result).toMatchObject({ score: 6, maxScore: 16 });
    expect(result.questions.map((q) => q.correct)).toEqual([true, false, true, false, true, false, true, null]);
    expect(result.questions[0]).toMatchObject({
      feedback: SECRETS.feedback,
      correctResponse: rightResponse(c.questions[0]!),
      passage: { readingId: c.readingId },
      passageVersion: 1,
    });
    expect(await recorded(c.quiz.id)).toEqual({ attempts: 0, answers: 0 });
  });

  it('works before the quiz is published', async () => {
    const cast = await courseWithReading(t);
    const quiz = (await cast.instructor.call('createQuiz', { courseId: cast.courseId }, { title: 'Draft' }))
      .body as StaffQuiz;
    const params = { courseId: cast.courseId, quizId: quiz.id };
    const [question] = everyType(cast.text, cast.readingId);
    const added = await cast.instructor.call('createQuestion', params, question);
    const optionId = added.body.options[1].id as string;
    const checked = await cast.instructor.call('checkPreview', params, { responses: { [added.body.id]: optionId } });
    expect(checked.body).toMatchObject({ score: 0, maxScore: 2, questions: [{ correct: false, score: 0 }] });
    expect((await cast.student.call('previewQuiz', params)).status).toBe(403);
  });

  it('refuses students, and answers that do not fit or name another quiz’s question', async () => {
    const c = await publishedQuiz(t);
    const single = c.questions[0]!;
    const student = await c.student.call('checkPreview', quizParams(c), {
      responses: { [single.id]: rightResponse(single) },
    });
    expect(student.status).toBe(403);

    const misfit = await c.instructor.call('checkPreview', quizParams(c), { responses: { [single.id]: 42 } });
    expect(misfit.status).toBe(400);
    expect(misfit.body.error).toMatchObject({
      code: 'ANSWER_INVALID',
      fields: { [`responses.${single.id}`]: expect.any(String) },
    });

    const other = await publishedQuiz(t);
    const stranger = await c.instructor.call('checkPreview', quizParams(c), {
      responses: { [other.questions[0]!.id]: rightResponse(other.questions[0]!) },
    });
    expect(stranger.body.error.code).toBe('ANSWER_INVALID');
    expect(await recorded(c.quiz.id)).toEqual({ attempts: 0, answers: 0 });
  });
});
