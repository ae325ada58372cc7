import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffAttempt, StaffQuiz, StudentQuiz } from '@commonplace/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_QUIZ_TITLE } from '../../../../prisma/demo-quiz.js';
import { DEMO_PASSWORD, seedDemoCourse } from '../../../../prisma/seed.js';
import { loadConfig } from '../config/config.schema.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
let dir: string;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.truncate();
  dir = await mkdtemp(join(tmpdir(), 'commonplace-readings-'));
  return () => rm(dir, { recursive: true, force: true });
});

/** The first week's two real readings, and three short ones after them for the other weeks. */
async function copyReadings() {
  const from = loadConfig().READINGS_DIR;
  if (!existsSync(from))
    throw new Error(`These tests read the course's own readings: put them at ${from} (or set READINGS_DIR).`);
  for (const name of ['000_a07042477a832751.txt', '001_76be1b6e80824a5e.txt'])
    await copyFile(join(from, name), join(dir, name));
  for (const title of ['Tides', 'Wrecks', 'Salt'])
    await writeFile(join(dir, `2-${title}.txt`), `# ${title}\n\nA paragraph on ${title.toLowerCase()} and pilots.\n`);
}

async function login(email: string) {
  const client = t.client();
  const logged = await client.call('login', {}, { email, password: DEMO_PASSWORD });
  if (logged.status !== 200) throw new Error(JSON.stringify(logged.body));
  return client;
}

describe('the demo quiz', () => {
  it('is published on the first week from the suggestions, with an essay, past attempts and one essay to grade, once', async () => {
    await copyReadings();
    const seeded = await seedDemoCourse(t.prisma, { readingsDir: dir });
    expect(seeded.quizAdded).toBe(true);
    const { courseId } = seeded;
    const dana = await login('dana.instructor@demo.commonplace.test');
    const [listed] = (await dana.call('listQuizzes', { courseId })).body as StaffQuiz[];
    expect(listed).toMatchObject({ title: DEMO_QUIZ_TITLE, publishedAt: expect.any(String) });
    const quizId = listed!.id;
    const quiz = (await dana.call('getQuiz', { courseId, quizId })).body as StaffQuiz;
    const types = quiz.questions!.map((q) => q.type);
    expect(types.at(-1)).toBe('essay');
    expect(types).toContain('single-choice');
    expect(types).toContain('cloze');

    // Every question but the essay is on a passage of a first-week reading, its words there.
    const weekOne = await t.prisma.reading.findMany({
      where: { assignments: { some: { module: { position: 0 } } } },
      select: { id: true, canonicalText: true },
    });
    // The quiz names the week's readings, and its description counts the questions it has.
    expect(quiz.readings.map((r) => r.id).sort()).toEqual(weekOne.map((r) => r.id).sort());
    expect(quiz.description).toMatch(new RegExp(`^${quiz.questions!.length} questions`));
    const texts = new Map(weekOne.map((r) => [r.id, r.canonicalText]));
    for (const question of quiz.questions!.filter((q) => q.type !== 'essay')) {
      const [quote, position] = question.passage!.selector as unknown as [
        { exact: string },
        { start: number; end: number },
      ];
      expect(texts.get(question.passage!.readingId)!.slice(position.start, position.end)).toBe(quote.exact);
    }
    const cpc = quiz.questions!.find((q) => q.prompt.includes('exported through Russia via the CPC'));
    expect(cpc).toMatchObject({ type: 'single-choice' });
    expect(cpc!.type === 'single-choice' && cpc!.options.find((o) => o.correct)!.text).toBe('80 percent');

    // Five students submitted, with different scores; one essay graded, one waiting.
    const attempts = (await dana.call('listAttempts', { courseId, quizId })).body as StaffAttempt[];
    expect(attempts).toHaveLength(5);
    expect(attempts.every((a) => a.status === 'submitted')).toBe(true);
    const scored = attempts.filter((a) => a.score !== null).map((a) => a.score);
    expect(scored).toHaveLength(4);
    expect(new Set(scored).size).toBeGreaterThan(2);
    const queue = (await dana.call('gradingQueue', { courseId, quizId })).body as Array<{ userName: string }>;
    expect(queue.map((item) => item.userName)).toEqual(['Madina Sultanova']);

    // Aigerim has not taken it: her login can.
    const aigerim = await login('aigerim@demo.commonplace.test');
    const mine = (await aigerim.call('getQuiz', { courseId, quizId })).body as StudentQuiz;
    expect(mine).toMatchObject({ attempts: [], attemptsLeft: 2 });
    expect((await aigerim.call('startAttempt', { courseId, quizId })).status).toBe(201);

    const counts = async () => ({
      quizzes: await t.prisma.quiz.count(),
      questions: await t.prisma.quizQuestion.count(),
      attempts: await t.prisma.quizAttempt.count(),
    });
    const before = await counts();
    expect(await seedDemoCourse(t.prisma, { readingsDir: dir })).toMatchObject({ quizAdded: false });
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('is not written while the first week has no readings', async () => {
    const seeded = await seedDemoCourse(t.prisma, { readingsDir: join(dir, 'absent') });
    expect(seeded.quizAdded).toBe(false);
    expect(await t.prisma.quiz.count()).toBe(0);
  });
});
