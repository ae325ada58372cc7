import type { StaffQuiz } from '@commonplace/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { targetOf } from '../annotations/annotation-fixtures.js';
import { courseWithCast } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { QuizPassageReanchoring } from './quiz-passage-reanchoring.service.js';
import { assignedReading, currentText, saveNewVersion, storeNewVersion } from './testing.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const FIRST = `# The Middle Corridor

The railway from Khorgos to the Caspian carried more containers every year after 2022.

Ports on the Caspian coast were dredged and widened for the new ferries.

Critics asked whether the loans behind the railway would ever be repaid.
`;
const PREFACE = 'A new preface explains why this edition was revised and what it adds for readers.';
/** A paragraph before everything (every offset moves), a passage edited, the critics' sentence gone. */
const SECOND = FIRST.replace('# The Middle Corridor\n', `# The Middle Corridor\n\n${PREFACE}\n`)
  .replace('dredged and widened', 'dredged and deepened')
  .replace('Critics asked whether the loans behind the railway would ever be repaid.', 'Critics were quiet.');

async function setup() {
  const cast = await courseWithCast(t);
  const { courseId, instructor } = cast;
  const readingId = await assignedReading(t, instructor, courseId, FIRST);
  const text = await currentText(t, readingId);
  const quizId = (await instructor.call('createQuiz', { courseId }, { title: 'Week 1' })).body.id as string;
  const ask = async (words: string) => {
    const created = await instructor.call(
      'createQuestion',
      { courseId, quizId },
      { type: 'true-false', prompt: `True? ${words}`, answer: true, passage: { readingId, ...targetOf(text, words) } },
    );
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return created.body.id as string;
  };
  const questions = async () => {
    const quiz = (await instructor.call('getQuiz', { courseId, quizId })).body as StaffQuiz;
    return new Map(quiz.questions!.map((q) => [q.id, q]));
  };
  return { ...cast, readingId, quizId, ask, questions };
}

const passageStart = (question: { passage: { selector: unknown[] } | null }) =>
  (question.passage!.selector[1] as { start: number }).start;

describe("carrying quiz questions' passages to a new version of their reading", () => {
  it('moves a passage the new text surely has; keeps and flags one it has changed or lost, never on other words', async () => {
    const { instructor, courseId, readingId, ask, questions } = await setup();
    const kept = await ask('carried more containers every year');
    const edited = await ask('Ports on the Caspian coast were dredged and widened');
    const lost = await ask('Critics asked whether the loans behind the railway would ever be repaid.');
    const before = await questions();
    const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);

    const summary = await t.api.app.get(QuizPassageReanchoring).reanchorReading(readingId);
    expect(summary).toEqual({ readingVersion: 2, moved: 1, unplaced: 2 });
    const after = await questions();
    expect(before.get(kept)).toMatchObject({ passageVersion: 1 });
    expect(after.get(kept)).toMatchObject({ passageUnplaced: false, passageVersion: 2 });
    expect(passageStart(after.get(kept)!)).toBe(next.text.indexOf('carried more containers every year'));
    expect(passageStart(after.get(kept)!)).toBeGreaterThan(passageStart(before.get(kept)!));
    // Flagged, and still opened in the reader on the version whose words it quotes.
    expect(after.get(lost)).toMatchObject({
      passageUnplaced: true,
      passageVersion: 1,
      passage: before.get(lost)!.passage,
    });
    // Probably "dredged and deepened", but a person says so: until then it stays where it was.
    expect(after.get(edited)).toMatchObject({ passageUnplaced: true, passage: before.get(edited)!.passage });
    const rows = await t.prisma.quizQuestion.findMany({ where: { readingId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.id, r.readingVersion, r.passageUnplacedOn])).toEqual([
      [kept, 2, null],
      [edited, 1, 2],
      [lost, 1, 2],
    ]);

    // Run again: nothing moves twice; the flagged one waits for a newer version, not this one.
    expect(await t.api.app.get(QuizPassageReanchoring).reanchorReading(readingId)).toEqual({
      readingVersion: 2,
      moved: 0,
      unplaced: 0,
    });
    expect(await t.api.app.get(QuizPassageReanchoring).readingsBehind()).toEqual([]);

    // Staff placing it again on the current text clears the flag.
    const text = await currentText(t, readingId);
    const placed = await instructor.call(
      'updateQuestion',
      { courseId, quizId: rows[0]!.quizId, questionId: lost },
      { passage: { readingId, ...targetOf(text, 'Critics were quiet.') } },
    );
    expect(placed.body).toMatchObject({ passageUnplaced: false });
  });

  it('runs in the job that a saved new version queues, with the annotations', async () => {
    const { instructor, courseId, readingId, ask } = await setup();
    const id = await ask('carried more containers every year');
    const next = await saveNewVersion(t, instructor, courseId, readingId, SECOND);
    const row = () => t.prisma.quizQuestion.findUniqueOrThrow({ where: { id } });
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      if ((await row()).readingVersion === 2) break;
    }
    expect(await row()).toMatchObject({ readingVersion: 2, passageUnplacedOn: null });
    const selector = (await row()).selector as Array<{ start?: number }>;
    expect(selector[1]!.start).toBe(next.text.indexOf('carried more containers every year'));
  }, 40_000);
});
