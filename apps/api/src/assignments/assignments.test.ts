import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const titled = (title: string) => `# ${title}\n\nA paragraph about ${title.toLowerCase()} and what the pilots saw.\n`;

type Listed = {
  moduleTitle: string;
  reading: { title: string; myProgress: { completed: boolean } | null };
  dueNext: boolean;
};
const summary = (list: Listed[]) => list.map((a) => [a.moduleTitle, a.reading.title, a.dueNext]);

describe('assignments', () => {
  it('lists assigned readings in module order, marks what is due next, and moves on when it is finished', async () => {
    const { courseId, instructor, ta, student } = await courseWithCast(t);
    const week = async (title: string) => (await instructor.call('createModule', { courseId }, { title })).body.id;
    const [w1, w2, w3] = [await week('Week 1'), await week('Week 2'), await week('Week 3')];
    const reading = async (title: string) => (await savedReading(t, instructor, courseId, titled(title))).body.id;
    const [tides, ledgers, wrecks, pilots] = [
      await reading('Tides'),
      await reading('Ledgers'),
      await reading('Wrecks'),
      await reading('Pilots'),
    ];
    const assign = (moduleId: string, readingId: string, dueAt: string | null) =>
      ta.call('createAssignment', { courseId }, { moduleId, readingId, dueAt });
    await assign(w2, tides, inDays(10));
    await assign(w1, ledgers, inDays(20));
    await assign(w1, wrecks, inDays(-2));
    await assign(w3, pilots, null);

    const first = await student.call('listAssignments', { courseId });
    expect(summary(first.body)).toEqual([
      ['Week 1', 'Ledgers', false],
      ['Week 1', 'Wrecks', false],
      ['Week 2', 'Tides', true],
      ['Week 3', 'Pilots', false],
    ]);

    await student.call(
      'saveProgress',
      { courseId, readingId: tides },
      {
        furthest: 0.2,
        lastBlock: 0,
        activeSecondsDelta: 60,
        completed: true,
      },
    );
    const after = await student.call('listAssignments', { courseId });
    expect(summary(after.body)).toEqual([
      ['Week 1', 'Ledgers', true],
      ['Week 1', 'Wrecks', false],
      ['Week 2', 'Tides', false],
      ['Week 3', 'Pilots', false],
    ]);
    expect(after.body[2].reading.myProgress.completed).toBe(true);

    // The instructor reorders: Week 3 first, and Wrecks before Ledgers.
    await instructor.call('updateModule', { courseId, moduleId: w3 }, { position: 0 });
    await instructor.call('updateModule', { courseId, moduleId: w1 }, { position: 1 });
    await instructor.call('updateModule', { courseId, moduleId: w2 }, { position: 2 });
    const wrecksAssignment = first.body[1].id;
    const ledgersAssignment = first.body[0].id;
    await ta.call('updateAssignment', { courseId, assignmentId: wrecksAssignment }, { position: 0 });
    await ta.call('updateAssignment', { courseId, assignmentId: ledgersAssignment }, { position: 1 });
    const reordered = await student.call('listAssignments', { courseId });
    expect(reordered.body.map((a: Listed) => a.reading.title)).toEqual(['Pilots', 'Wrecks', 'Ledgers', 'Tides']);
  });

  it('lets staff assign, move, re-date and unassign, and refuses duplicates and foreign ids', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another Seminar');
    const w1 = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id;
    const w2 = (await instructor.call('createModule', { courseId }, { title: 'Week 2' })).body.id;
    const theirModule = (await other.instructor.call('createModule', { courseId: other.courseId }, { title: 'W' })).body
      .id;
    const readingId = (await savedReading(t, instructor, courseId)).body.id;
    const theirReading = (await savedReading(t, other.instructor, other.courseId)).body.id;

    const created = await ta.call(
      'createAssignment',
      { courseId },
      { moduleId: w1, readingId, dueAt: '2027-03-01T17:00:00+06:00' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      moduleId: w1,
      moduleTitle: 'Week 1',
      dueAt: '2027-03-01T11:00:00.000Z',
      position: 0,
    });
    expect(created.body.reading.id).toBe(readingId);

    const twice = await ta.call('createAssignment', { courseId }, { moduleId: w1, readingId });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_ASSIGNED');
    const foreignModule = await ta.call('createAssignment', { courseId }, { moduleId: theirModule, readingId });
    expect(foreignModule.body.error.code).toBe('MODULE_NOT_FOUND');
    const foreignReading = await ta.call('createAssignment', { courseId }, { moduleId: w2, readingId: theirReading });
    expect(foreignReading.body.error.code).toBe('READING_NOT_FOUND');
    const badDate = await ta.call('createAssignment', { courseId }, { moduleId: w2, readingId, dueAt: 'next Friday' });
    expect(Object.keys(badDate.body.error.fields)).toEqual(['dueAt']);
    expect(await t.prisma.assignment.count()).toBe(1);

    const assignmentId = created.body.id;
    const moved = await ta.call('updateAssignment', { courseId, assignmentId }, { moduleId: w2, dueAt: null });
    expect(moved.body).toMatchObject({ moduleId: w2, moduleTitle: 'Week 2', dueAt: null });
    const theirs = await other.instructor.call(
      'updateAssignment',
      { courseId: other.courseId, assignmentId },
      { dueAt: null },
    );
    expect(theirs.body.error.code).toBe('ASSIGNMENT_NOT_FOUND');
    expect((await other.instructor.call('deleteAssignment', { courseId: other.courseId, assignmentId })).status).toBe(
      404,
    );

    expect((await ta.call('deleteAssignment', { courseId, assignmentId })).status).toBe(204);
    expect((await ta.call('listAssignments', { courseId })).body).toEqual([]);
    expect((await ta.call('getReading', { courseId, readingId })).status).toBe(200);
  });

  it('removes the assignments of a week that is deleted', async () => {
    const { courseId, instructor, student } = await courseWithCast(t);
    const w1 = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id;
    const readingId = (await savedReading(t, instructor, courseId)).body.id;
    await instructor.call('createAssignment', { courseId }, { moduleId: w1, readingId });
    expect((await student.call('listReadings', { courseId })).body).toHaveLength(1);
    await instructor.call('deleteModule', { courseId, moduleId: w1 });
    expect((await student.call('listAssignments', { courseId })).body).toEqual([]);
    expect((await student.call('listReadings', { courseId })).body).toEqual([]);
  });
});
