import type { AttemptView, StaffQuestion, StaffQuiz } from '@commonplace/contracts';
import { courseWithReading, targetOf } from '../annotations/annotation-fixtures.js';
import type { ApiClient } from '../testing/api-client.js';
import { enrol, signUp } from '../testing/factories.js';
import type { TestApi } from '../testing/test-api.js';

/**
 * The worked example of `item-analysis.test.ts` taken through the API: Q1 single choice (1 point,
 * on the passage "kept logbooks"), Q2 true/false (1 point), Q3 multiple choice (2 points, A and B
 * correct: choosing A alone earns 1). Four students answer to give the rows
 *   A 1 1 2 · B 1 0 2 · C 0 1 1 · D 0 0 — (D leaves Q3 unanswered).
 */
export async function workedExampleQuiz(t: TestApi, settings: Record<string, unknown> = {}) {
  const cast = await courseWithReading(t);
  const { courseId, instructor, readingId, text } = cast;
  const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Week 1 check', ...settings })).body
    .id as string;
  const add = (question: unknown) => instructor.call('createQuestion', { courseId, quizId }, question);
  await add({
    type: 'single-choice',
    prompt: 'What did the keepers keep?',
    passage: { readingId, ...targetOf(text, 'kept logbooks') },
    options: [{ text: 'Logbooks', correct: true }, { text: 'Sheep' }, { text: 'Secrets' }],
  });
  await add({ type: 'true-false', prompt: 'Lighthouses had keepers.', answer: true });
  await add({
    type: 'multiple-choice',
    prompt: 'Which are true?',
    points: 2,
    options: [
      { text: 'A', correct: true },
      { text: 'B', correct: true },
      { text: 'C', correct: false },
    ],
  });
  const quiz = (await instructor.call('publishQuiz', { courseId, quizId })).body as StaffQuiz;
  const [q1, q2, q3] = quiz.questions! as [StaffQuestion, StaffQuestion, StaffQuestion];
  const option = (q: StaffQuestion, text: string) =>
    (q as Extract<StaffQuestion, { options: unknown }>).options.find((o) => o.text === text)!.id;
  const dana = await signUp(t, 'Dana');
  await enrol(t, courseId, dana.userId, 'STUDENT');
  const students = { a: cast.student, b: cast.partner, c: cast.rival, d: dana };

  /** One submitted attempt with these responses (question -> response; left out: unanswered). */
  async function take(client: ApiClient, responses: [StaffQuestion, unknown][]): Promise<AttemptView> {
    const attempt = (await client.call('startAttempt', { courseId, quizId })).body as AttemptView;
    for (const [question, response] of responses)
      await client.call(
        'saveAnswer',
        { courseId, quizId, attemptId: attempt.id, questionId: question.id },
        { response },
      );
    return (await client.call('submitAttempt', { courseId, quizId, attemptId: attempt.id })).body as AttemptView;
  }
  async function answerAll() {
    await take(students.a, [
      [q1, option(q1, 'Logbooks')],
      [q2, 'true'],
      [q3, [option(q3, 'A'), option(q3, 'B')]],
    ]);
    await take(students.b, [
      [q1, option(q1, 'Logbooks')],
      [q2, 'false'],
      [q3, [option(q3, 'A'), option(q3, 'B')]],
    ]);
    await take(students.c, [
      [q1, option(q1, 'Sheep')],
      [q2, 'true'],
      [q3, [option(q3, 'A')]],
    ]);
    await take(students.d, [
      [q1, option(q1, 'Secrets')],
      [q2, 'false'],
    ]);
  }
  return { ...cast, quizId, quiz, q1, q2, q3, option, students, take, answerAll };
}
