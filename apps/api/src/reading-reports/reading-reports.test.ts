import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, enrol, signUp } from '../testing/factories.js';
import { ARTICLE, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

/** Two readings; the cast's student reads the first part-way, a grouped classmate opens nothing. */
async function courseWithReaders() {
  const cast = await courseWithCast(t);
  const { courseId, instructor, student } = cast;
  const lighthouses = await savedReading(t, instructor, courseId);
  const harbours = await savedReading(t, instructor, courseId, ARTICLE.replace('Lighthouses', 'Harbours'));
  const week = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
  for (const reading of [lighthouses, harbours]) {
    await instructor.call('createAssignment', { courseId }, { moduleId: week.body.id, readingId: reading.body.id });
  }
  // A name a spreadsheet would run as a formula, unless the export defuses it.
  const classmate = await signUp(t, 'Zed');
  await t.prisma.user.update({
    where: { id: classmate.userId },
    data: { name: '=HYPERLINK("http://evil.example","Zed")' },
  });
  await enrol(t, courseId, classmate.userId, 'STUDENT');
  const group = await instructor.call('createGroup', { courseId }, { name: 'Steppe' });
  await instructor.call('assignToGroup', { courseId, groupId: group.body.id, userId: classmate.userId });
  await student.call(
    'saveProgress',
    { courseId, readingId: lighthouses.body.id },
    { furthest: 0.4, lastBlock: 2, activeSecondsDelta: 90 },
  );
  // The instructor's own look at a reading is not a student's reading.
  await instructor.call(
    'saveProgress',
    { courseId, readingId: harbours.body.id },
    { furthest: 1, lastBlock: 0, activeSecondsDelta: 5 },
  );
  return { ...cast, classmate, lighthouses: lighthouses.body.id as string, harbours: harbours.body.id as string };
}

describe('reading reports', () => {
  it('shows staff, per reading and per student, opened, furthest point, active time and finished', async () => {
    const { courseId, ta, student, classmate, lighthouses, harbours } = await courseWithReaders();
    const report = await ta.call('readingReport', { courseId });
    expect(report.status).toBe(200);
    expect(report.body.students.map((s: { name: string; group: string | null }) => [s.name, s.group])).toEqual([
      ['=HYPERLINK("http://evil.example","Zed")', 'Steppe'],
      ['Student', null],
    ]);
    const [first, second] = report.body.readings;
    expect([first.id, first.title, second.id, second.title]).toEqual([
      lighthouses,
      'Lighthouses of the Northern Coast',
      harbours,
      'Harbours of the Northern Coast',
    ]);
    expect(first.progress[0]).toMatchObject({ userId: classmate.userId, opened: false, furthest: 0, activeSeconds: 0 });
    expect(first.progress[1]).toMatchObject({
      userId: student.userId,
      opened: true,
      furthest: 0.4,
      activeSeconds: 90,
      finishedAt: null,
    });
    expect(first.progress[1].lastReadAt).not.toBeNull();
    expect(second.progress.map((p: { opened: boolean }) => p.opened)).toEqual([false, false]);
  });

  it('exports the course, or one reading, as CSV a spreadsheet opens safely', async () => {
    const { courseId, instructor, student, harbours } = await courseWithReaders();
    const whole = await instructor.call('readingReportCsv', { courseId });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(whole.headers.get('content-disposition')).toContain('filename="reading report.csv"');
    const lines = (whole.body as string)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'Reading,Student,Email,Group,Opened,Furthest (%),Active minutes,Finished,Finished at,Last read at',
      expect.stringMatching(/^Lighthouses of the Northern Coast,"'=HYPERLINK\(""http:\/\/evil.example"",""Zed""\)",/),
      expect.stringMatching(
        new RegExp(`^Lighthouses of the Northern Coast,Student,${student.email},,yes,40,1.5,no,,\\d{4}-`),
      ),
      expect.stringMatching(/^Harbours of the Northern Coast,"'=HYPERLINK.*,Steppe,no,0,0.0,no,,$/),
      expect.stringMatching(/^Harbours of the Northern Coast,Student,.*,no,0,0.0,no,,$/),
    ]);

    const one = await instructor.call('readingReportCsv', { courseId }, undefined, { readingId: harbours });
    expect(one.headers.get('content-disposition')).toContain('Harbours of the Northern Coast - reading report.csv');
    const rows = (one.body as string).trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBe(2);
    expect(rows.every((row) => row.startsWith('Harbours of the Northern Coast,'))).toBe(true);
  });

  it('refuses a reading id that is malformed or from another course, naming the field', async () => {
    const { courseId, instructor } = await courseWithReaders();
    const malformed = await instructor.call('readingReportCsv', { courseId }, undefined, { readingId: 'nope' });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.error.fields)).toEqual(['readingId']);

    const elsewhere = await courseWithCast(t, 'Another course');
    const foreign = await savedReading(t, elsewhere.instructor, elsewhere.courseId);
    const refused = await instructor.call('readingReportCsv', { courseId }, undefined, { readingId: foreign.body.id });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('READING_NOT_FOUND');
  });

  it('says so when the course has no students or no readings yet', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    await t.prisma.enrollment.deleteMany({ where: { courseId, role: 'STUDENT' } });
    expect((await instructor.call('readingReport', { courseId })).body).toEqual({ students: [], readings: [] });
    const csv = await instructor.call('readingReportCsv', { courseId });
    expect((csv.body as string).trimEnd().split('\r\n')).toHaveLength(1);
  });
});
