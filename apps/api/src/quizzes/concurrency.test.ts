import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptView } from '@commonplace/contracts';
import { hashToken } from '../auth/sessions.service.js';
import { courseWithCast } from '../testing/factories.js';
import type { ApiClient } from '../testing/api-client.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

const CLASS_SIZE = 300;

/** Students enrolled and logged in straight in the database: 300 sign-ups would time password hashing. */
async function classOf(courseId: string, size: number): Promise<ApiClient[]> {
  const people = Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    email: `student${i}.${randomBytes(3).toString('hex')}@example.test`,
    name: `Student ${i}`,
    token: randomBytes(32).toString('base64url'),
  }));
  await t.prisma.user.createMany({
    data: people.map(({ id, email, name }) => ({ id, email, name, passwordHash: 'not used' })),
  });
  await t.prisma.enrollment.createMany({ data: people.map(({ id }) => ({ courseId, userId: id, role: 'STUDENT' })) });
  await t.prisma.session.createMany({
    data: people.map(({ id, token }) => ({
      userId: id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 86_400_000),
    })),
  });
  return people.map(({ token }) => Object.assign(t.client(), { session: token }));
}

describe('a class submitting at once', () => {
  it(`records each of ${CLASS_SIZE} submissions in the same second exactly once, each with its answer`, async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Pop quiz', attemptsAllowed: 1 })).body
      .id as string;
    const question = await instructor.call(
      'createQuestion',
      { courseId, quizId },
      { type: 'numeric', prompt: 'Your number?', points: 1, answer: 7, tolerance: 0 },
    );
    await instructor.call('publishQuiz', { courseId, quizId });
    const students = await classOf(courseId, CLASS_SIZE);
    const attempts = await Promise.all(
      students.map(async (student, i) => {
        const started = await student.call('startAttempt', { courseId, quizId });
        // Half answer right, half wrong: each must get their own score back.
        const response = i % 2 ? 7 : i;
        const saved = await student.call(
          'saveAnswer',
          { courseId, quizId, attemptId: started.body.id, questionId: question.body.id },
          { response },
        );
        expect(saved.status).toBe(200);
        return started.body.id as string;
      }),
    );

    const submitted = await Promise.all(
      students.map((student, i) => student.call('submitAttempt', { courseId, quizId, attemptId: attempts[i]! })),
    );
    const outcomes = submitted.map((response, i) => ({
      status: response.status,
      id: (response.body as AttemptView).id,
      score: (response.body as AttemptView).score,
      expected: { status: 200, id: attempts[i], score: i % 2 ? 1 : 0 },
    }));
    for (const outcome of outcomes)
      expect({ status: outcome.status, id: outcome.id, score: outcome.score }).toEqual(outcome.expected);
    expect(await t.prisma.quizAttempt.count({ where: { quizId, status: 'SUBMITTED' } })).toBe(CLASS_SIZE);
    expect(await t.prisma.quizAttempt.count({ where: { quizId } })).toBe(CLASS_SIZE);
    expect(await t.prisma.quizAnswer.count({ where: { questionId: question.body.id } })).toBe(CLASS_SIZE);
  });

  it('records one submission when the same attempt is submitted ten times at once', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Retry storm' })).body.id as string;
    await instructor.call(
      'createQuestion',
      { courseId, quizId },
      { type: 'true-false', prompt: 'Sure?', points: 1, answer: true },
    );
    await instructor.call('publishQuiz', { courseId, quizId });
    const [student] = await classOf(courseId, 1);
    const attemptId = (await student!.call('startAttempt', { courseId, quizId })).body.id as string;
    const submits = await Promise.all(
      Array.from({ length: 10 }, () => student!.call('submitAttempt', { courseId, quizId, attemptId })),
    );
    expect(submits.map((s) => s.status)).toEqual(Array(10).fill(200));
    expect(new Set(submits.map((s) => s.body.submittedAt)).size).toBe(1);
    expect(await t.prisma.quizAttempt.findMany({ where: { quizId }, select: { status: true } })).toEqual([
      { status: 'SUBMITTED' },
    ]);
    // The student may start a new attempt: the first is closed, not left open by a racing submit.
    expect((await student!.call('startAttempt', { courseId, quizId })).status).toBe(201);
  });
});
