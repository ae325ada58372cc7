import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PASTE_CHARS, type ReadingBlock } from '@commonplace/contracts';
import { pdfWithoutText } from '../../../../packages/reading/test-fixtures/bad-inputs.js';
import { longPdf } from '../../../../packages/reading/test-fixtures/pdf-builder.js';
import { courseWithCast } from '../testing/factories.js';
import { ARTICLE, pasteAndWait, readyDraft, savedReading, uploadForm, waitForImport } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { DRAFT_RETENTION_MS, ImportJobs } from './import-jobs.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const blockIndex = (blocks: ReadingBlock[], text: RegExp) => blocks.findIndex((b) => text.test(b.text));

/** Each block's offsets must cut exactly its text out of the canonical text (blocks joined by blank lines). */
function expectOffsetsMatch(blocks: ReadingBlock[], offsets: [number, number][]) {
  const canonical = blocks.map((b) => b.text).join('\n\n');
  expect(offsets).toHaveLength(blocks.length);
  offsets.forEach(([start, end], i) => expect(canonical.slice(start, end)).toBe(blocks[i]!.text));
}

describe('importing a reading', () => {
  it('uploads, shows progress and a preview, and saves with the fixes as a reading', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    // Markdown under a .txt name: the type comes from the content.
    const started = await instructor.call('uploadImport', { courseId }, uploadForm(ARTICLE, 'lighthouses.txt'));
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ filename: 'lighthouses.txt', readingId: null, error: null });
    const { draft } = await waitForImport(instructor, courseId, started.body.id);
    expect(draft.body).toMatchObject({ status: 'READY', progress: 1, stage: 'done' });
    const preview = draft.body.document;
    expect(preview.title).toBe('Lighthouses of the Northern Coast');
    expect(preview.warnings).toEqual(expect.any(Array));
    const keepers = blockIndex(preview.blocks, /^Keepers$/);
    const children = blockIndex(preview.blocks, /^Their children/);
    expect(preview.blocks[keepers]).toMatchObject({ type: 'heading' });

    const saved = await ta.call(
      'saveImport',
      { courseId, draftId: started.body.id },
      {
        title: 'Northern Lighthouses',
        authors: ['Mara Ellison'],
        publishedAt: '2024-05-01',
        headings: [
          { index: keepers, level: null },
          { index: children, level: 2 },
        ],
      },
    );
    expect(saved.status).toBe(201);
    const reading = await instructor.call('getReading', { courseId, readingId: saved.body.id });
    expect(reading.body).toMatchObject({
      title: 'Northern Lighthouses',
      authors: ['Mara Ellison'],
      publishedAt: '2024-05-01',
      version: 1,
      originalFilename: 'lighthouses.txt',
      warningCount: preview.warnings.length,
    });
    expect(reading.body.document.title).toBe('Northern Lighthouses');
    expect(reading.body.document.blocks[keepers]).toEqual({ type: 'paragraph', text: 'Keepers' });
    expect(reading.body.document.blocks[children]).toMatchObject({ type: 'heading', level: 2 });
    expectOffsetsMatch(reading.body.document.blocks, reading.body.blockOffsets);
    expect(reading.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(reading.body.wordCount).toBeGreaterThan(40);

    const original = await instructor.bytes(`/api/courses/${courseId}/readings/${saved.body.id}/original`);
    expect(original.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect((await instructor.call('getImport', { courseId, draftId: started.body.id })).body).toMatchObject({
      status: 'SAVED',
      readingId: saved.body.id,
    });
  });

  it('imports a 100-page PDF in a worker: the upload answers after the first page, progress climbs to 1', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const started = await instructor.call('uploadImport', { courseId }, uploadForm(await longPdf(100), 'long.pdf'));
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('PROCESSING');
    expect(started.body.progress).toBeGreaterThan(0);
    expect(started.body.progress).toBeLessThan(1);
    expect((await t.client().call('health')).status).toBe(200);
    const { draft, seen } = await waitForImport(instructor, courseId, started.body.id);
    expect(draft.body.status).toBe('READY');
    expect(draft.body.document.blocks.length).toBeGreaterThan(100);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const file = await t.prisma.sourceFile.findFirstOrThrow({ select: { mediaType: true } });
    expect(file.mediaType).toBe('application/pdf');
  });

  it('records a refusal found after the file was accepted on the draft', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const started = await instructor.call('uploadImport', { courseId }, uploadForm(await pdfWithoutText(), 'scan.pdf'));
    expect(started.status).toBe(202);
    const { draft } = await waitForImport(instructor, courseId, started.body.id);
    expect(draft.body).toMatchObject({ status: 'FAILED', document: null, error: { code: 'NO_TEXT' } });
    expect(draft.body.error.message).toMatch(/OCR/);
    const save = await instructor.call('saveImport', { courseId, draftId: started.body.id }, {});
    expect(save.body.error.code).toBe('IMPORT_NOT_READY');
    expect(await t.prisma.reading.count()).toBe(0);
  });

  it('imports pasted text, even past the JSON body limit, and refuses a paste over its own', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const long = Array.from(
      { length: 9000 },
      (_, i) => `Paragraph ${i} of the harbour ledger records tides, cargoes and the names of pilots.`,
    ).join('\n\n');
    expect(long.length).toBeGreaterThan(700_000);
    const draft = await pasteAndWait(instructor, courseId, `# Harbour Ledger\n\n${long}`);
    expect(draft.body).toMatchObject({ status: 'READY', filename: 'Pasted text.txt' });
    expect(draft.body.document.blocks.length).toBeGreaterThan(8000);

    const tooLong = await instructor.call('pasteImport', { courseId }, { text: 'x'.repeat(MAX_PASTE_CHARS + 1) });
    expect(tooLong.status).toBe(400);
    expect(Object.keys(tooLong.body.error.fields)).toEqual(['text']);
    const blank = await instructor.call('pasteImport', { courseId }, { text: '   \n ' });
    expect(blank.body.error.fields).toEqual({ text: 'Paste the text of the reading.' });
    expect(await t.prisma.importDraft.count()).toBe(1);
  });

  it('saves a new version: the version goes up, the reading shows the new text, the old version is kept', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const first = await savedReading(t, instructor, courseId);
    const module = await instructor.call('createModule', { courseId }, { title: 'Week 1' });
    await instructor.call('createAssignment', { courseId }, { moduleId: module.body.id, readingId: first.body.id });

    const revised = ARTICLE.replace('1960s', '1970s');
    const started = await instructor.call(
      'uploadImport',
      { courseId },
      uploadForm(revised, 'lighthouses-v2.md', { readingId: first.body.id }),
    );
    expect(started.body.readingId).toBe(first.body.id);
    await waitForImport(instructor, courseId, started.body.id);
    const second = await instructor.call('saveImport', { courseId, draftId: started.body.id }, {});
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, version: 2, originalFilename: 'lighthouses-v2.md' });
    expect(second.body.contentHash).not.toBe(first.body.contentHash);
    expect(JSON.stringify(second.body.document.blocks)).toContain('1970s');
    expect(second.body.assignments).toHaveLength(1);

    const versions = await t.prisma.readingVersion.findMany({
      where: { readingId: first.body.id },
      orderBy: { version: 'asc' },
      select: { version: true, contentHash: true, canonicalText: true },
    });
    expect(versions.map((v) => [v.version, v.contentHash])).toEqual([
      [1, first.body.contentHash],
      [2, second.body.contentHash],
    ]);
    expect(versions[0]!.canonicalText).toContain('1960s');
    const searchable = await t.prisma.readingBlock.findMany({ where: { readingId: first.body.id } });
    expect(searchable).toHaveLength(second.body.document.blocks.length);
  });

  it('saves a draft once, refuses a fix that names no block, and changes nothing then', async () => {
    const { courseId, instructor, ta } = await courseWithCast(t);
    const draftId = await readyDraft(t, courseId, instructor.userId);
    const outOfRange = await instructor.call(
      'saveImport',
      { courseId, draftId },
      { headings: [{ index: 999, level: 1 }] },
    );
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.error.fields['headings.0.index']).toMatch(/no block 999/);
    expect(await t.prisma.reading.count()).toBe(0);

    const [a, b] = await Promise.all([
      instructor.call('saveImport', { courseId, draftId }, {}),
      ta.call('saveImport', { courseId, draftId }, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('IMPORT_ALREADY_SAVED');
    expect(await t.prisma.reading.count()).toBe(1);
  });

  it('keeps drafts and readings to their course', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const other = await courseWithCast(t, 'Another Seminar');
    const draftId = await readyDraft(t, courseId, instructor.userId);
    const theirReading = await savedReading(t, other.instructor, other.courseId);

    expect((await other.instructor.call('getImport', { courseId: other.courseId, draftId })).body.error.code).toBe(
      'IMPORT_NOT_FOUND',
    );
    expect((await other.instructor.call('saveImport', { courseId: other.courseId, draftId }, {})).status).toBe(404);
    expect((await other.instructor.call('getImport', { courseId, draftId })).body.error.code).toBe('COURSE_NOT_FOUND');
    expect((await instructor.call('getImport', { courseId, draftId: 'not-a-uuid' })).status).toBe(404);

    const files = await t.prisma.sourceFile.count();
    const version = await instructor.call(
      'pasteImport',
      { courseId },
      { text: 'A new version of their reading.', readingId: theirReading.body.id },
    );
    expect(version.status).toBe(404);
    expect(version.body.error.code).toBe('READING_NOT_FOUND');
    expect(await t.prisma.sourceFile.count()).toBe(files);
  });
});

describe('drafts left unsaved', () => {
  it('are removed after a week, with their files, but not saved readings', async () => {
    const { courseId, instructor } = await courseWithCast(t);
    const reading = await savedReading(t, instructor, courseId);
    const leftId = await readyDraft(t, courseId, instructor.userId);
    const old = new Date(Date.now() - DRAFT_RETENTION_MS - 60_000);
    await t.prisma.importDraft.updateMany({ data: { updatedAt: old } });

    await t.api.app.get(ImportJobs).removeAbandoned();
    expect(await t.prisma.importDraft.findUnique({ where: { id: leftId } })).toBeNull();
    expect(await t.prisma.sourceFile.count()).toBe(1);
    const download = await instructor.bytes(`/api/courses/${courseId}/readings/${reading.body.id}/original`);
    expect(download.status).toBe(200);
  });
});
