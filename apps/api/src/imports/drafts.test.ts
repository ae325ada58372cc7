import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast } from '../testing/factories.js';
import { ARTICLE, readyDraft, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe("a course's drafts", () => {
  it('lists the drafts not yet saved, newest first, with failures and their errors', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    await savedReading(t, instructor, courseId);
    const ready = await readyDraft(t, courseId, instructor.userId);
    const failed = await readyDraft(t, courseId, instructor.userId, `# Second\n\n${ARTICLE}`);
    await t.prisma.importDraft.update({
      where: { id: failed },
      data: { status: 'FAILED', document: undefined, errorCode: 'NO_TEXT', errorMessage: 'No text in it.' },
    });
    const list = await instructor.call('listImports', { courseId });
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [failed, 'FAILED'],
      [ready, 'READY'],
    ]);
    expect(list.body[0]).toMatchObject({ error: { code: 'NO_TEXT', message: 'No text in it.' }, queuePosition: null });
    expect(list.body[0]).not.toHaveProperty('document');
  });

  it('discards a draft with its stored file, and keeps saved ones and other courses out of reach', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another Seminar');
    const reading = await savedReading(t, instructor, courseId);
    const draftId = await readyDraft(t, courseId, instructor.userId);
    const files = await t.prisma.sourceFile.count();

    expect((await other.instructor.call('discardImport', { courseId: other.courseId, draftId })).status).toBe(404);
    const discarded = await ta.call('discardImport', { courseId, draftId });
    expect(discarded.status).toBe(204);
    expect((await instructor.call('getImport', { courseId, draftId })).body.error.code).toBe('IMPORT_NOT_FOUND');
    expect(await t.prisma.sourceFile.count()).toBe(files - 1);
    expect((await instructor.call('listImports', { courseId })).body).toEqual([]);

    const savedDraft = await t.prisma.importDraft.findFirstOrThrow({ where: { readingId: reading.body.id } });
    const refused = await instructor.call('discardImport', { courseId, draftId: savedDraft.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('IMPORT_ALREADY_SAVED');
    const download = await instructor.bytes(`/api/courses/${courseId}/readings/${reading.body.id}/original`);
    expect(download.status).toBe(200);
  });
});
