import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { ARTICLE, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

/** Three weeks; the middle one has two readings with due dates. */
async function threeWeeks() {
  const cast = await courseWithCast(t);
  const { courseId, instructor } = cast;
  const weeks: string[] = [];
  for (const [title, startsOn] of [
    ['Week 1', '2027-02-01'],
    ['Week 2', '2027-02-08'],
    ['Week 3', null],
  ] as const) {
    weeks.push((await instructor.call('createModule', { courseId }, { title, startsOn })).body.id);
  }
  const first = await savedReading(t, instructor, courseId);
  const second = await savedReading(t, instructor, courseId, ARTICLE.replace('Lighthouses', 'Harbours'));
  for (const [reading, dueAt] of [
    [first, '2027-02-10T17:00:00.000Z'],
    [second, null],
  ] as const) {
    await instructor.call('createAssignment', { courseId }, { moduleId: weeks[1], readingId: reading.body.id, dueAt });
  }
  return { ...cast, weeks };
}

const outline = async (t: TestApi, client: Awaited<ReturnType<typeof threeWeeks>>['student'], courseId: string) => {
  const modules = (await client.call('listModules', { courseId })).body as { title: string; startsOn: string }[];
  const assignments = (await client.call('listAssignments', { courseId })).body as {
    moduleTitle: string;
    reading: { title: string };
    dueAt: string | null;
  }[];
  return {
    weeks: modules.map((m) => `${m.title} ${m.startsOn ?? '-'}`),
    assigned: assignments.map((a) => `${a.moduleTitle}: ${a.reading.title} due ${a.dueAt ?? '-'}`),
  };
};

describe('deleting a week can be undone', () => {
  it('puts the week back in its place with its readings, their order and their due dates', async () => {
    const { courseId, ta, student, weeks } = await threeWeeks();
    const before = await outline(t, student, courseId);
    expect(before.assigned).toEqual([
      'Week 2: Lighthouses of the Northern Coast due 2027-02-10T17:00:00.000Z',
      'Week 2: Harbours of the Northern Coast due -',
    ]);

    const deleted = await ta.call('deleteModule', { courseId, moduleId: weeks[1]! });
    expect(deleted.status).toBe(200);
    expect(await outline(t, student, courseId)).toEqual({ weeks: ['Week 1 2027-02-01', 'Week 3 -'], assigned: [] });

    const restored = await ta.call('restoreModule', { courseId }, deleted.body);
    expect(restored.status).toBe(201);
    expect(await outline(t, student, courseId)).toEqual(before);
  });

  it('refuses a restore naming a reading of another course or a bad field, and changes nothing', async () => {
    const { courseId, instructor, student, weeks } = await threeWeeks();
    const deleted = (await instructor.call('deleteModule', { courseId, moduleId: weeks[1]! })).body;
    const after = await outline(t, student, courseId);

    const elsewhere = await courseWithCast(t, 'Another course');
    const foreign = await savedReading(t, elsewhere.instructor, elsewhere.courseId);
    const withForeign = {
      ...deleted,
      assignments: [...deleted.assignments, { readingId: foreign.body.id, dueAt: null, position: 2 }],
    };
    const refused = await instructor.call('restoreModule', { courseId }, withForeign);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('READING_NOT_FOUND');

    const negative = await instructor.call('restoreModule', { courseId }, { ...deleted, position: -1 });
    expect(negative.status).toBe(400);
    expect(Object.keys(negative.body.error.fields)).toEqual(['position']);
    expect(await outline(t, student, courseId)).toEqual(after);
  });
});
