import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docxWithFootnotes } from '../../../../packages/reading/test-fixtures/docx-builder.js';
import { courseWithCast, type CourseCast } from '../testing/factories.js';
import { ARTICLE, pasteAndWait, savedReading, uploadForm, waitForImport } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { attachment } from './content-disposition.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const OTHER_TEXT = '# Salt Roads\n\nSalt reached inland markets along raised tracks that stayed dry in winter.\n';

async function assign(cast: CourseCast, readingId: string) {
  const module = await cast.instructor.call('createModule', { courseId: cast.courseId }, { title: 'Week 1' });
  const assignment = await cast.instructor.call(
    'createAssignment',
    { courseId: cast.courseId },
    { moduleId: module.body.id, readingId },
  );
  return assignment.body.id as string;
}

const originalPath = (courseId: string, readingId: string) => `/api/courses/${courseId}/readings/${readingId}/original`;

describe('who sees which reading', () => {
  it('shows staff every reading and a student only the assigned ones', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, ta, student } = cast;
    const assigned = await savedReading(t, instructor, courseId);
    const unassigned = await savedReading(t, instructor, courseId, OTHER_TEXT);
    const assignmentId = await assign(cast, assigned.body.id);

    for (const staff of [instructor, ta]) {
      const titles = (await staff.call('listReadings', { courseId })).body.map((r: { title: string }) => r.title);
      expect(titles).toEqual(['Lighthouses of the Northern Coast', 'Salt Roads']);
    }
    const mine = await student.call('listReadings', { courseId });
    expect(mine.body.map((r: { id: string }) => r.id)).toEqual([assigned.body.id]);
    expect(mine.body[0].assignments).toEqual([{ id: assignmentId, moduleId: expect.any(String), dueAt: null }]);

    const hidden = { courseId, readingId: unassigned.body.id };
    expect((await student.call('getReading', hidden)).body.error.code).toBe('READING_NOT_FOUND');
    expect((await student.bytes(originalPath(courseId, unassigned.body.id))).status).toBe(404);
    const progress = { furthest: 0.1, lastBlock: 0, activeSecondsDelta: 5 };
    expect((await student.call('saveProgress', hidden, progress)).status).toBe(404);
    expect((await ta.call('getReading', hidden)).status).toBe(200);

    expect((await student.call('getReading', { courseId, readingId: assigned.body.id })).status).toBe(200);
    await instructor.call('deleteAssignment', { courseId, assignmentId });
    expect((await student.call('getReading', { courseId, readingId: assigned.body.id })).status).toBe(404);
    expect((await student.call('listReadings', { courseId })).body).toEqual([]);
  });

  it('answers a reading of another course with 404 for everyone, however it is asked for', async () => {
    const cast = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another Seminar');
    const theirs = await savedReading(t, other.instructor, other.courseId);
    await assign(other, theirs.body.id);
    const readingId = theirs.body.id;
    const ours = { courseId: cast.courseId, readingId };

    const calls = [
      cast.instructor.call('getReading', ours),
      cast.instructor.call('updateReading', ours, { title: 'Taken' }),
      cast.instructor.call('deleteReading', ours),
      cast.student.call('saveProgress', ours, { furthest: 0.5, lastBlock: 0, activeSecondsDelta: 1 }),
      cast.instructor.call('getReading', {
        courseId: cast.courseId,
        readingId: '00000000-0000-4000-8000-000000000000',
      }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('READING_NOT_FOUND');
    }
    expect((await cast.instructor.bytes(originalPath(cast.courseId, readingId))).status).toBe(404);
    expect((await cast.instructor.call('getReading', { courseId: other.courseId, readingId })).body.error.code).toBe(
      'COURSE_NOT_FOUND',
    );
    expect((await cast.instructor.call('getReading', { courseId: cast.courseId, readingId: 'x' })).status).toBe(404);
    expect((await other.student.call('getReading', { courseId: other.courseId, readingId })).body.title).toBe(
      'Lighthouses of the Northern Coast',
    );
  });
});

describe('editing and deleting', () => {
  it('lets staff fix metadata without touching the text or its offsets', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    const before = await savedReading(t, instructor, courseId);
    const readingId = before.body.id;
    const fixed = await ta.call(
      'updateReading',
      { courseId, readingId },
      { title: 'Lighthouses', subtitle: '', authors: ['Mara Ellison', 'Jon Reyes'], publishedAt: '2023-11-02' },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({
      title: 'Lighthouses',
      subtitle: null,
      authors: ['Mara Ellison', 'Jon Reyes'],
      publishedAt: '2023-11-02',
      version: 1,
      contentHash: before.body.contentHash,
      blockOffsets: before.body.blockOffsets,
    });
    expect(fixed.body.document.title).toBe('Lighthouses');

    const invalid = await ta.call('updateReading', { courseId, readingId }, { title: ' ', publishedAt: '2023-13-45' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(['publishedAt', 'title']);
    expect((await ta.call('getReading', { courseId, readingId })).body.title).toBe('Lighthouses');
  });

  it('deletes a reading with its versions, blocks, assignments, progress and original files', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, student } = cast;
    const reading = await savedReading(t, instructor, courseId);
    const readingId = reading.body.id;
    await assign(cast, readingId);
    await student.call(
      'saveProgress',
      { courseId, readingId },
      { furthest: 0.4, lastBlock: 1, activeSecondsDelta: 20 },
    );
    const draft = await pasteAndWait(instructor, courseId, ARTICLE.replace('storm', 'gale'), readingId);
    await instructor.call('saveImport', { courseId, draftId: draft.body.id }, {});
    const keep = await savedReading(t, instructor, courseId, OTHER_TEXT);

    expect((await cast.ta.call('deleteReading', { courseId, readingId })).status).toBe(403);
    expect((await instructor.call('deleteReading', { courseId, readingId })).status).toBe(204);
    expect((await instructor.call('getReading', { courseId, readingId })).status).toBe(404);
    const left = {
      readings: await t.prisma.reading.count(),
      versions: await t.prisma.readingVersion.count(),
      blocks: await t.prisma.readingBlock.count({ where: { readingId } }),
      assignments: await t.prisma.assignment.count(),
      progress: await t.prisma.readingProgress.count(),
      files: await t.prisma.sourceFile.count(),
      drafts: await t.prisma.importDraft.count({ where: { readingId } }),
    };
    expect(left).toEqual({ readings: 1, versions: 1, blocks: 0, assignments: 0, progress: 0, files: 1, drafts: 0 });
    expect((await instructor.bytes(originalPath(courseId, keep.body.id))).status).toBe(200);
  });
});

it("a course's deletion takes its readings, drafts and files with it", async () => {
  const cast = await courseWithCast(t);
  const reading = await savedReading(t, cast.instructor, cast.courseId);
  await pasteAndWait(cast.instructor, cast.courseId, OTHER_TEXT, reading.body.id);
  await t.prisma.course.delete({ where: { id: cast.courseId } });
  const left = await Promise.all([t.prisma.reading.count(), t.prisma.sourceFile.count(), t.prisma.importDraft.count()]);
  expect(left).toEqual([0, 0, 0]);
});

describe('the original file', () => {
  it('downloads byte for byte, with the sniffed type, as an attachment with a safe name', async () => {
    const cast = await courseWithCast(t);
    const { courseId, instructor, student } = cast;
    const docx = await docxWithFootnotes();
    const name = 'Ödön\'s "draft"; v2.docx';
    const started = await instructor.call('uploadImport', { courseId }, uploadForm(docx, name));
    expect(started.status).toBe(202);
    await waitForImport(instructor, courseId, started.body.id);
    const saved = await instructor.call('saveImport', { courseId, draftId: started.body.id }, {});
    await assign(cast, saved.body.id);

    const download = await student.bytes(originalPath(courseId, saved.body.id));
    expect(download.status).toBe(200);
    expect(Buffer.from(download.bytes).equals(Buffer.from(docx))).toBe(true);
    expect(download.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).toBe(
      `attachment; filename="Odon's _draft__ v2.docx"; filename*=UTF-8''${encodeURIComponent(name).replace("'", '%27')}`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('keeps quotes, line breaks and separators of a name out of the header', () => {
    expect(attachment('a"b\\c;\r\nd%.pdf')).toBe(
      `attachment; filename="a_b_c_d_.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25.pdf`,
    );
    expect(attachment('\u0007')).toBe(`attachment; filename="reading"; filename*=UTF-8''reading`);
    expect(attachment('Жол.pdf')).toBe(`attachment; filename="reading.pdf"; filename*=UTF-8''%D0%96%D0%BE%D0%BB.pdf`);
  });
});
