import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, enrol, signUp, twoGroups } from '../testing/factories.js';
import { ARTICLE, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { assignedReading, readingText, reply, thread } from './annotation-fixtures.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

/** Two assigned readings; the student annotates over two days, the rival once and replies. */
async function annotatedCourse() {
  const cast = await courseWithCast(t);
  const { courseId, student, instructor } = cast;
  const { rival, steppe } = await twoGroups(t, cast);
  // A name a spreadsheet would run as a formula, unless the CSV defuses it.
  const quiet = await signUp(t, 'Quiet');
  await t.prisma.user.update({ where: { id: quiet.userId }, data: { name: '=cmd|calc' } });
  await enrol(t, courseId, quiet.userId, 'STUDENT');
  const lighthouses = await assignedReading(t, cast);
  const harbours = await assignedReading(t, cast, ARTICLE.replace('Lighthouses', 'Harbours'));
  const on = { courseId, readingId: lighthouses };
  const keepers = await thread(t, {
    ...on,
    authorId: student.userId,
    words: 'keepers of the northern lights',
    body: 'Who were the keepers, exactly?',
    createdAt: day('2027-02-01'),
  });
  // Private: it counts for participation, though no one else ever reads it.
  await thread(t, {
    ...on,
    authorId: student.userId,
    words: 'northern lights kept logbooks',
    visibility: 'PRIVATE',
    body: 'secret thoughts here',
    createdAt: day('2027-02-03'),
  });
  await thread(t, { ...on, authorId: student.userId, words: 'trim the wicks', body: 'gone', deleted: true });
  await reply(t, keepers, rival.userId, 'Lighthouse staff, I think.', { createdAt: day('2027-02-03') });
  await reply(t, keepers, instructor.userId, 'Good question.', { createdAt: day('2027-02-04') });
  const wicks = await thread(t, {
    ...on,
    authorId: rival.userId,
    words: 'trim the wicks',
    body: 'Children?',
    visibility: 'GROUP',
    groupId: steppe,
    createdAt: day('2027-02-03'),
  });
  await reply(t, wicks, student.userId, 'Yes, children.', { createdAt: day('2027-02-03') });
  // Hidden by staff: counted apart, and in no other figure (not even the days active).
  await thread(t, {
    ...on,
    authorId: student.userId,
    words: 'Automation arrived',
    body: 'an off-topic rant that staff hid',
    hidden: true,
    createdAt: day('2027-02-05'),
  });
  await reply(t, keepers, rival.userId, 'Something rude.', { hidden: true, createdAt: day('2027-02-05') });
  await reply(t, keepers, rival.userId, 'Rude, then deleted.', { hidden: true, deleted: true });
  return { ...cast, rival, quiet, lighthouses, harbours };
}

describe('participation', () => {
  it('sums up each enrolled student, zeros included, with coverage and a per-day series', async () => {
    const { courseId, ta, student, rival, quiet, lighthouses, harbours } = await annotatedCourse();
    const answer = await ta.call('participation', { courseId });
    expect(answer.status).toBe(200);
    expect(answer.body.readings.map((r: { id: string }) => r.id)).toEqual([lighthouses, harbours]);
    expect(answer.body.days).toEqual(['2027-02-01', '2027-02-02', '2027-02-03']);
    const byName = Object.fromEntries(answer.body.students.map((s: { name: string }) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['=cmd|calc', 'Rival', 'Student']);
    const text = await readingText(t, lighthouses);
    const start = text.indexOf('keepers of the northern lights');
    const end = text.indexOf('northern lights kept logbooks') + 'northern lights kept logbooks'.length;
    expect(byName.Student).toMatchObject({
      id: student.userId,
      group: 'Steppe',
      annotations: 2,
      repliesGiven: 1,
      repliesReceived: 2,
      words: 5 + 3 + 2,
      hidden: 1,
      firstActivityAt: '2027-02-01T10:00:00.000Z',
      lastActivityAt: '2027-02-03T10:00:00.000Z',
      activeDays: 2,
      perDay: [1, 0, 2],
    });
    // The union of its two overlapping passages, over one of the two assigned readings.
    expect(byName.Student.coverage).toBeCloseTo((end - start) / text.length / 2, 6);
    expect(byName.Rival).toMatchObject({
      id: rival.userId,
      annotations: 1,
      repliesGiven: 1,
      repliesReceived: 1,
      hidden: 1,
      activeDays: 1,
    });
    expect(byName['=cmd|calc']).toMatchObject({
      id: quiet.userId,
      annotations: 0,
      repliesGiven: 0,
      repliesReceived: 0,
      words: 0,
      hidden: 0,
      coverage: 0,
      firstActivityAt: null,
      activeDays: 0,
      perDay: [0, 0, 0],
    });
    // Numbers only: no annotation's words leave, private or not.
    expect(JSON.stringify(answer.body)).not.toMatch(/secret thoughts|Who were the keepers|children|rant|rude/i);
  });

  it('narrows to one reading and to a window of days', async () => {
    const { courseId, instructor, harbours, lighthouses } = await annotatedCourse();
    const one = await instructor.call('participation', { courseId }, undefined, { readingId: harbours });
    expect(one.body.readings).toEqual([{ id: harbours, title: 'Harbours of the Northern Coast' }]);
    expect(
      one.body.students.every(
        (s: { annotations: number; repliesGiven: number }) => s.annotations + s.repliesGiven === 0,
      ),
    ).toBe(true);

    const window = await instructor.call('participation', { courseId }, undefined, {
      readingId: lighthouses,
      from: '2027-02-02',
      to: '2027-02-03',
    });
    expect(window.body.days).toEqual(['2027-02-02', '2027-02-03']);
    const student = window.body.students.find((s: { name: string }) => s.name === 'Student');
    expect(student).toMatchObject({ annotations: 1, repliesGiven: 1, repliesReceived: 1, perDay: [0, 2] });
  });

  it('refuses students, bad filters and another course’s reading', async () => {
    const { courseId, student, instructor } = await annotatedCourse();
    expect((await student.call('participation', { courseId })).status).toBe(403);
    const backwards = await instructor.call('participation', { courseId }, undefined, {
      from: '2027-02-03',
      to: '2027-02-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.to).toBeDefined();
    expect((await instructor.call('participation', { courseId }, undefined, { from: '0000-01-01' })).status).toBe(400);
    const other = await courseWithCast(t, 'Other');
    const foreign = (await savedReading(t, other.instructor, other.courseId)).body.id as string;
    expect((await instructor.call('participation', { courseId }, undefined, { readingId: foreign })).status).toBe(404);
  });

  it('downloads as CSV that a spreadsheet opens safely', async () => {
    const { courseId, instructor, lighthouses } = await annotatedCourse();
    const csv = await instructor.call('participationCsv', { courseId }, undefined, { readingId: lighthouses });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="participation - Lighthouses of the Northern Coast.csv"/,
    );
    const lines = (csv.body as string)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Student,Email,Group,Annotations,Replies given,Replies received,Words,Hidden by staff,Coverage (%),First activity,Last activity,Active days',
    );
    expect(lines).toHaveLength(4);
    // A name a spreadsheet would run as a formula is defused.
    expect(lines[1]).toMatch(/^'=cmd\|calc,/);
    expect(lines[3]).toMatch(/^Student,student\.[0-9a-f]+@example\.test,Steppe,2,1,2,10,1,/);
  });
});
