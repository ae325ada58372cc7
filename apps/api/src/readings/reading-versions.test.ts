import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePath } from '@commonplace/contracts';
import { courseWithCast } from '../testing/factories.js';
import { ARTICLE, readyDraft, savedReading } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());

describe("a reading's versions", () => {
  it('lists them newest first, and downloads the original of each', async () => {
    const { courseId, instructor, ta, student } = await courseWithCast(t);
    const first = await savedReading(t, instructor, courseId);
    const readingId = first.body.id as string;
    const revised = ARTICLE.replace('1960s', '1970s');
    const draftId = await readyDraft(t, courseId, ta.userId, revised);
    await t.prisma.importDraft.update({ where: { id: draftId }, data: { readingId } });
    expect((await ta.call('saveImport', { courseId, draftId }, {})).body.version).toBe(2);

    const versions = await instructor.call('listReadingVersions', { courseId, readingId });
    expect(versions.status).toBe(200);
    expect(versions.body).toMatchObject([
      { version: 2, current: true, filename: 'article.md', createdBy: 'Teaching Assistant' },
      { version: 1, current: false, filename: 'article.md', createdBy: 'Instructor' },
    ]);
    expect(versions.body[0].contentHash).not.toBe(versions.body[1].contentHash);

    const download = (version: string) =>
      instructor.bytes(routePath('downloadVersionOriginal', { courseId, readingId, version }));
    const old = await download('1');
    expect(old.status).toBe(200);
    expect(old.headers.get('content-disposition')).toMatch(/^attachment; filename="article.md"/);
    expect(Buffer.from(old.bytes).toString('utf8')).toContain('1960s');
    expect(Buffer.from((await download('2')).bytes).toString('utf8')).toContain('1970s');
    for (const missing of ['3', '0', 'abc', '2147483648']) {
      const response = await instructor.call('downloadVersionOriginal', { courseId, readingId, version: missing });
      expect({ missing, status: response.status, code: response.body.error.code }).toEqual({
        missing,
        status: 404,
        code: 'VERSION_NOT_FOUND',
      });
    }
    expect((await student.call('listReadingVersions', { courseId, readingId })).status).toBe(403);
  });
});
