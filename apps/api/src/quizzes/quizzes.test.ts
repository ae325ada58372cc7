import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptView, StaffQuestion } from '@commonplace/contracts';
import { signUp, enrol } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import {
  publishedQuiz,
  quizParams,
  rightResponse,
  SECRETS,
  startAttempt,
  wrongResponse,
  type QuizCast,
} from './quiz-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

async function answerAll(c: QuizCast, attempt: AttemptView, client = c.student) {
  for (const question of c.questions) {
    const saved = await client.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: question.id }), {
      response: rightResponse(question),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }
}

describe('building a quiz', () => {
  it('creates, edits and orders questions; a PATCH leaves what it omits alone', async () => {
    const c = await publishedQuiz(t, { timeLimitMinutes: 30, attemptsAllowed: 2, releaseAnswers: 'manual' });
    expect(c.quiz).toMatchObject({ questionCount: 8, totalPoints: 16, timeLimitMinutes: 30, releaseAnswers: 'manual' });
    const patched = await c.instructor.call('updateQuiz', quizParams(c), { title: 'Week 1 quiz' });
    expect(patched.body).toMatchObject({ title: 'Week 1 quiz', timeLimitMinutes: 30, attemptsAllowed: 2 });

    const choice = c.questions[0] as Extract<StaffQuestion, { type: 'single-choice' }>;
    const edited = await c.instructor.call('updateQuestion', quizParams(c, { questionId: choice.id }), {
      options: [...choice.options, { text: 'Lamps', correct: false }],
    });
    expect(edited.status).toBe(200);
    // Existing options keep their ids (saved answers name them); the prompt and passage stay.
    expect(edited.body.options.slice(0, 3).map((o: { id: string }) => o.id)).toEqual(choice.options.map((o) => o.id));
    expect(edited.body).toMatchObject({
      prompt: choice.prompt,
      points: 2,
      passage: choice.passage,
      feedback: SECRETS.feedback,
    });

    const wrongKey = await c.instructor.call('updateQuestion', quizParams(c, { questionId: choice.id }), {
      options: [
        { text: 'x', correct: true },
        { text: 'y', correct: true },
      ],
    });
    expect(wrongKey.status).toBe(400);

    const reversed = c.questions.map((q) => q.id).reverse();
    const ordered = await c.instructor.call('reorderQuestions', quizParams(c), { questionIds: reversed });
    expect(ordered.body.map((q: StaffQuestion) => q.id)).toEqual(reversed);
    const partial = await c.instructor.call('reorderQuestions', quizParams(c), { questionIds: reversed.slice(1) });
    expect(partial.body.error.code).toBe('QUESTION_ORDER_MISMATCH');

    expect((await c.instructor.call('deleteQuestion', quizParams(c, { questionId: choice.id }))).status).toBe(204);
    expect((await c.instructor.call('getQuiz', quizParams(c))).body.questionCount).toBe(7);
  });

  it('refuses a passage that is not in the reading, and a cloze whose blanks do not match', async () => {
    const c = await publishedQuiz(t);
    const passage = {
      readingId: c.readingId,
      selector: [
        { type: 'TextQuoteSelector', exact: 'not these words' },
        { type: 'TextPositionSelector', start: 0, end: 15 },
      ],
    };
    const bad = await c.instructor.call('createQuestion', quizParams(c), {
      type: 'true-false',
      prompt: 'P',
      answer: true,
      passage,
    });
    expect(bad.body.error.code).toBe('SELECTOR_QUOTE_MISMATCH');
    const cloze = await c.instructor.call('createQuestion', quizParams(c), {
      type: 'cloze',
      prompt: 'P',
      text: 'Only {{1}} here.',
      blanks: [{ acceptedAnswers: ['a'] }, { acceptedAnswers: ['b'] }],
    });
    expect(cloze.status).toBe(400);
    expect((await c.instructor.call('getQuiz', quizParams(c))).body.questionCount).toBe(8);
  });

  it('shows students only published quizzes of their own course', async () => {
    const c = await publishedQuiz(t);
    const draft = await c.instructor.call('createQuiz', { courseId: c.courseId }, { title: 'Draft' });
    const listed = await c.student.call('listQuizzes', { courseId: c.courseId });
    expect(listed.body.map((q: { id: string }) => q.id)).toEqual([c.quiz.id]);
    expect((await c.student.call('getQuiz', { courseId: c.courseId, quizId: draft.body.id })).status).toBe(404);
    const other = await publishedQuiz(t);
    const elsewhere = await c.instructor.call('getQuiz', { courseId: c.courseId, quizId: other.quiz.id });
    expect(elsewhere.body.error.code).toBe('QUIZ_NOT_FOUND');
    expect((await c.instructor.call('publishQuiz', { courseId: c.courseId, quizId: draft.body.id })).status).toBe(409);
  });
});

describe('taking a quiz', () => {
  it('starts, resumes, saves, submits once and shows the review after submission', async () => {
    const c = await publishedQuiz(t);
    const started = await startAttempt(c.student, c);
    expect(started.status).toBe(201);
    const attempt = started.body as AttemptView;
    expect(attempt.questions).toHaveLength(8);
    expect(attempt.questions[0]).toEqual({
      id: c.questions[0]!.id,
      type: 'single-choice',
      prompt: 'What did the keepers keep?',
      points: 2,
      options: (c.questions[0] as Extract<StaffQuestion, { type: 'single-choice' }>).options.map((o) => ({
        id: o.id,
        text: o.text,
      })),
    });
    await answerAll(c, attempt);

    const resumed = await startAttempt(c.student, c);
    expect(resumed.status).toBe(200);
    expect(resumed.body.id).toBe(attempt.id);
    expect(resumed.body.answers).toHaveLength(8);

    const submitted = await c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id }));
    expect(submitted.status).toBe(200);
    const result = submitted.body as AttemptView;
    // The essay awaits a grader, so the total is not known yet; every other answer is right.
    expect(result).toMatchObject({ status: 'submitted', released: true, score: null, maxScore: 16 });
    expect(result.review!.map((r) => r.score)).toEqual([2, 2, 1, 1, 1, 2, 2, null]);
    expect(result.review![0]).toMatchObject({ correct: true, feedback: SECRETS.feedback });
    expect(result.review![0]!.passage!.readingId).toBe(c.readingId);

    const again = await c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id }));
    expect(again.body.submittedAt).toBe(result.submittedAt);
    const late = await c.student.call(
      'saveAnswer',
      quizParams(c, { attemptId: attempt.id, questionId: c.questions[2]!.id }),
      {
        response: 'false',
      },
    );
    expect(late.body.error.code).toBe('ATTEMPT_ALREADY_SUBMITTED');

    const listed = await c.ta.call('listAttempts', quizParams(c));
    expect(listed.body).toEqual([
      expect.objectContaining({ id: attempt.id, userId: c.student.userId, status: 'submitted', ungraded: 1 }),
    ]);
  });

  it('never sends the key, feedback, rubric or passage to a student before release', async () => {
    const c = await publishedQuiz(t, { releaseAnswers: 'manual', shuffleOptions: true, shuffleQuestions: true });
    const seen: unknown[] = [];
    const as = async (promise: Promise<{ status: number; body: unknown }>) => {
      const response = await promise;
      seen.push(response.body);
      return response.body as AttemptView;
    };
    await as(c.student.call('listQuizzes', { courseId: c.courseId }));
    await as(c.student.call('getQuiz', quizParams(c)));
    const attempt = await as(startAttempt(c.student, c));
    for (const question of c.questions)
      await as(
        c.student.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: question.id }), {
          response: wrongResponse(question),
        }),
      );
    await as(c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id })));
    await as(c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id })));
    await as(c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id })));
    await as(c.student.call('getQuiz', quizParams(c)));

    // Option ids are how a student answers, so they are shown as options; nowhere else, and
    // nothing says which is right. The student's own saved answers are theirs to see.
    const json = JSON.stringify(
      seen.map((body) => ({ ...(body as object), questions: undefined, answers: undefined })),
    );
    const keyWords = [...Object.values(SECRETS), 'harbour', '"correct"', 'acceptedAnswers', 'rubric', 'answerId'];
    for (const word of keyWords) expect(json, word).not.toContain(word);
    const staffQuestions = c.questions;
    const keyIds = staffQuestions.flatMap((q) =>
      q.type === 'single-choice' || q.type === 'multiple-choice'
        ? q.options.filter((o) => o.correct).map((o) => o.id)
        : [],
    );
    for (const id of keyIds) expect(json).not.toContain(id);
    const shown = JSON.stringify(attempt.questions);
    for (const word of [...Object.values(SECRETS), 'correct', 'feedback', 'passage', 'rubric'])
      expect(shown).not.toContain(word);
    const afterSubmit = seen.at(-2) as AttemptView;
    expect(afterSubmit).toMatchObject({ released: false, score: null, review: null });

    await c.instructor.call('updateQuiz', quizParams(c), { released: true });
    const review = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(review.released).toBe(true);
    expect(JSON.stringify(review.review)).toContain(SECRETS.feedback);
  });

  it('keeps to the dates and the attempts allowed', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const c = await publishedQuiz(t, { opensAt: soon });
    expect((await startAttempt(c.student, c)).body.error.code).toBe('QUIZ_NOT_OPEN_YET');
    await c.instructor.call('updateQuiz', quizParams(c), {
      opensAt: new Date(Date.now() - 7_200_000).toISOString(),
      closesAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect((await startAttempt(c.student, c)).body.error.code).toBe('QUIZ_CLOSED');
    await c.instructor.call('updateQuiz', quizParams(c), { closesAt: null, attemptsAllowed: 1 });
    const first = await startAttempt(c.student, c);
    await c.student.call('submitAttempt', quizParams(c, { attemptId: first.body.id }));
    expect((await startAttempt(c.student, c)).body.error.code).toBe('QUIZ_NO_ATTEMPTS_LEFT');
    expect(await t.prisma.quizAttempt.count()).toBe(1);
    // Nothing was answered: the one attempt counts, with 0.
    const quiz = await c.student.call('getQuiz', quizParams(c));
    expect(quiz.body).toMatchObject({ attemptsLeft: 0, grade: 0 });
  });

  it('moves the deadline of attempts in progress when staff change the close or the time limit', async () => {
    const c = await publishedQuiz(t, { timeLimitMinutes: 60 });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    await c.instructor.call('updateQuiz', quizParams(c), { timeLimitMinutes: 90 });
    const longer = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(new Date(longer.deadline!).getTime() - new Date(attempt.startedAt).getTime()).toBe(90 * 60_000);
    await c.instructor.call('updateQuiz', quizParams(c), { closesAt: new Date(Date.now() - 1000).toISOString() });
    const closed = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(closed.status).toBe('submitted');
  });

  it('opens one attempt when a student starts in several tabs at once', async () => {
    const c = await publishedQuiz(t, { attemptsAllowed: 1 });
    const starts = await Promise.all(Array.from({ length: 8 }, () => startAttempt(c.student, c)));
    expect(new Set(starts.map((s) => s.body.id)).size).toBe(1);
    expect(starts.map((s) => s.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await t.prisma.quizAttempt.count()).toBe(1);
  });

  it('refuses answers that do not fit, to questions not in the attempt, and from anyone else', async () => {
    const c = await publishedQuiz(t);
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    const at = (questionId: string) => quizParams(c, { attemptId: attempt.id, questionId });
    const [choice, multiple, , , numeric, cloze, matching] = c.questions;
    const bad: Array<[string, unknown]> = [
      [choice!.id, 'not-an-option'],
      [choice!.id, 42],
      [multiple!.id, [crypto.randomUUID()]],
      [numeric!.id, 'forty-two'],
      [cloze!.id, ['only one']],
      [matching!.id, { [crypto.randomUUID()]: crypto.randomUUID() }],
    ];
    for (const [questionId, response] of bad) {
      const saved = await c.student.call('saveAnswer', at(questionId), { response });
      expect({ response, code: saved.body.error?.code }).toEqual({ response, code: 'ANSWER_INVALID' });
    }
    const other = await publishedQuiz(t);
    const foreign = await c.student.call('saveAnswer', at(other.questions[0]!.id), { response: 'x' });
    expect(foreign.body.error.code).toBe('QUESTION_NOT_FOUND');
    const classmate = await signUp(t, 'Classmate');
    await enrol(t, c.courseId, classmate.userId, 'STUDENT');
    const theirs = await classmate.call('saveAnswer', at(choice!.id), { response: rightResponse(choice!) });
    expect(theirs.body.error.code).toBe('ATTEMPT_NOT_FOUND');
    const staff = await c.instructor.call('submitAttempt', quizParams(c, { attemptId: attempt.id }));
    expect(staff.body.error.code).toBe('ATTEMPT_NOT_YOURS');
    expect(await t.prisma.quizAnswer.count()).toBe(0);
    expect((await c.instructor.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).status).toBe(200);
  });

  it('submits a timed-out attempt with what was saved, whatever the browser says', async () => {
    const c = await publishedQuiz(t, { timeLimitMinutes: 10 });
    const attempt = (await startAttempt(c.student, c)).body as AttemptView;
    expect(new Date(attempt.deadline!).getTime() - new Date(attempt.startedAt).getTime()).toBe(600_000);
    const [choice, multiple] = c.questions;
    await c.student.call('saveAnswer', quizParams(c, { attemptId: attempt.id, questionId: choice!.id }), {
      response: rightResponse(choice!),
    });
    // Time passes: the deadline is behind us (the job has not run; every request checks it).
    await t.prisma.quizAttempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const late = await c.student.call(
      'saveAnswer',
      quizParams(c, { attemptId: attempt.id, questionId: multiple!.id }),
      {
        response: rightResponse(multiple!),
      },
    );
    expect(late.body.error.code).toBe('ATTEMPT_TIME_UP');
    const submit = await c.student.call('submitAttempt', quizParams(c, { attemptId: attempt.id }));
    expect(submit.body.error.code).toBe('ATTEMPT_TIME_UP');
    const stored = await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored).toMatchObject({ status: 'SUBMITTED', autoSubmitted: true, score: 2 });
    expect(await t.prisma.quizAnswer.count()).toBe(1);
    const review = (await c.student.call('getAttempt', quizParams(c, { attemptId: attempt.id }))).body as AttemptView;
    expect(review).toMatchObject({ status: 'submitted', score: 2 });
  });
});
