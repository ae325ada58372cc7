import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, enrol, signUp, type CourseCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

/** A course with one reading assigned, and a way for the student to report progress on it. */
async function assignedReading(text?: string): Promise<CourseCast & { readingId: string; blockCount: number }> {
  const cast = await courseWithCast(t);
  const reading = await savedReading(t, cast.instructor, cast.courseId, text);
  const module = await cast.instructor.call('createModule', { courseId: cast.courseId }, { title: 'Week 1' });
  await cast.instructor.call(
    'createAssignment',
    { courseId: cast.courseId },
    { moduleId: module.body.id, readingId: reading.body.id },
  );
  return { ...cast, readingId: reading.body.id, blockCount: reading.body.document.blocks.length };
}

describe('reading progress', () => {
  it('keeps the furthest point, follows the current block and adds up active time', async () => {
    const { courseId, readingId, student } = await assignedReading();
    const save = (furthest: number, lastBlock: number, activeSecondsDelta: number) =>
      student.call('saveProgress', { courseId, readingId }, { furthest, lastBlock, activeSecondsDelta });

    const readAt = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const before = new Date().toISOString();
    const first = (await save(0.6, 3, 10)).body;
    expect(first).toEqual({ furthest: 0.6, lastBlock: 3, activeSeconds: 10, completed: false, lastReadAt: readAt });
    // Scrolling back to look at something: the furthest point stays where it was.
    const second = (await save(0.2, 1, 5)).body;
    expect(second).toEqual({ furthest: 0.6, lastBlock: 1, activeSeconds: 15, completed: false, lastReadAt: readAt });
    // When they last read it moves on with each save.
    expect(before <= first.lastReadAt && first.lastReadAt <= second.lastReadAt).toBe(true);
    expect(second.lastReadAt <= new Date().toISOString()).toBe(true);
    const listed = await student.call('listReadings', { courseId });
    expect(listed.body[0].myProgress).toEqual(second);
  });

  it('credits no more active time than has passed, and refuses more than the cap per update', async () => {
    const { courseId, readingId, student } = await assignedReading();
    const save = (activeSecondsDelta: number) =>
      student.call('saveProgress', { courseId, readingId }, { furthest: 0.1, lastBlock: 0, activeSecondsDelta });
    expect((await save(200)).body.activeSeconds).toBe(200);
    const started = Date.now();
    // A client that resends its whole session's time gets only the seconds since its last update.
    const again = await save(200);
    const elapsed = Math.ceil((Date.now() - started) / 1000);
    expect(again.body.activeSeconds).toBeGreaterThan(200);
    expect(again.body.activeSeconds).toBeLessThanOrEqual(200 + 15 + elapsed + 1);

    const tooMuch = await save(301);
    expect(tooMuch.status).toBe(400);
    expect(Object.keys(tooMuch.body.error.fields)).toEqual(['activeSecondsDelta']);
  });

  it('completes a reading at its end or when marked finished, and can be marked unfinished', async () => {
    const { courseId, readingId, student, blockCount } = await assignedReading();
    const last = blockCount - 1;
    const save = (body: object) =>
      student.call('saveProgress', { courseId, readingId }, { lastBlock: last, activeSecondsDelta: 0, ...body });

    // The short article's 60-odd words need a few seconds even at a skim.
    expect((await save({ furthest: 0.995 })).body.completed).toBe(false);
    expect((await save({ furthest: 0.995, activeSecondsDelta: 10 })).body.completed).toBe(true);
    expect((await save({ furthest: 0.995, completed: false })).body).toMatchObject({
      furthest: 0.995,
      completed: false,
    });
    expect((await save({ furthest: 0.4 })).body.completed).toBe(false);
    expect((await save({ furthest: 0.4, completed: true })).body.completed).toBe(true);
    expect((await save({ furthest: 0.3 })).body.completed).toBe(true);
  });

  it('does not count a long reading scrolled to its end in seconds as finished, but does once read', async () => {
    // About 1,000 words: four minutes at an ordinary pace, 100 seconds at a fast skim.
    const paragraphs = Array.from({ length: 14 }, (_, day) =>
      Array.from(
        { length: 5 },
        (_, well) => `On day ${day + 1} the caravan stopped at well number ${well + 1} along the old road east. `,
      ).join(''),
    ).join('\n\n');
    const { courseId, readingId, student, blockCount } = await assignedReading(`# The Long Road\n\n${paragraphs}\n`);
    expect((await student.call('getReading', { courseId, readingId })).body.wordCount).toBeGreaterThan(1000);
    const save = (body: object) =>
      student.call('saveProgress', { courseId, readingId }, { lastBlock: blockCount - 1, ...body });

    const skimmed = await save({ furthest: 1, activeSecondsDelta: 3 });
    expect(skimmed.body).toMatchObject({ furthest: 1, activeSeconds: 3, completed: false });
    expect((await save({ furthest: 1, activeSecondsDelta: 10 })).body.completed).toBe(false);
    const listed = await student.call('listReadings', { courseId });
    expect(listed.body[0].myProgress.completed).toBe(false);

    const classmate = await signUp(t, 'Careful Reader');
    await enrol(t, courseId, classmate.userId, 'STUDENT');
    const read = (body: object) =>
      classmate.call('saveProgress', { courseId, readingId }, { lastBlock: blockCount - 1, ...body });
    expect((await read({ furthest: 0.6, activeSecondsDelta: 110 })).body.completed).toBe(false);
    expect((await read({ furthest: 1, activeSecondsDelta: 0 })).body.completed).toBe(true);
  });

  it('refuses a block the reading does not have, and keeps each person to their own progress', async () => {
    const { courseId, readingId, student, ta, blockCount } = await assignedReading();
    const beyond = await student.call(
      'saveProgress',
      { courseId, readingId },
      { furthest: 0.5, lastBlock: blockCount, activeSecondsDelta: 1 },
    );
    expect(beyond.status).toBe(400);
    expect(beyond.body.error.fields.lastBlock).toBe(`The reading has ${blockCount} blocks.`);
    expect(await t.prisma.readingProgress.count()).toBe(0);

    const classmate = await signUp(t, 'Classmate');
    await enrol(t, courseId, classmate.userId, 'STUDENT');
    await student.call(
      'saveProgress',
      { courseId, readingId },
      { furthest: 0.8, lastBlock: 2, activeSecondsDelta: 30 },
    );
    expect((await classmate.call('getReading', { courseId, readingId })).body.myProgress).toBeNull();
    expect((await ta.call('getReading', { courseId, readingId })).body.myProgress).toBeNull();
    expect((await student.call('getReading', { courseId, readingId })).body.myProgress.furthest).toBe(0.8);
  });
});
