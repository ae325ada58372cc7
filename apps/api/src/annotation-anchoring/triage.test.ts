import { describe as describePassage } from '@commonplace/anchoring';
import type { AnnotationTriage } from '@commonplace/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { courseWithCast, twoGroups } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { assignedReading, currentText, findWords, insertReply, insertThread, storeNewVersion } from './testing.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

const FIRST = `# The Middle Corridor

## Routes

The railway from Khorgos to the Caspian carried more containers every year after 2022.

Trade grew quickly. Ports on the Caspian coast were dredged and widened for the new ferries.

Trade grew quickly. Customs posts at the border were merged into one window for freight.

## Doubts

Critics asked whether the loans behind the railway would ever be repaid.
`;
const SECOND = FIRST.replace('dredged and widened', 'dredged and deepened')
  .replace('at the border were merged', 'at the eastern border were merged')
  .replace('Critics asked whether the loans behind the railway would ever be repaid.\n', 'Critics were quiet.\n');

/** A reading whose second version left threads of every kind in triage or orphaned. */
async function triaged() {
  const cast = await courseWithCast(t);
  const groups = await twoGroups(t, cast);
  const { courseId, instructor, student } = cast;
  const { rival, caspian, steppe } = groups;
  const readingId = await assignedReading(t, instructor, courseId, FIRST);
  const text = await currentText(t, readingId);
  const on = (authorId: string, words: string, visibility: 'PRIVATE' | 'GROUP' | 'COURSE', groupId?: string) =>
    insertThread(t, { courseId, readingId, authorId, text, words, visibility, groupId, body: `On ${words}` });
  const ids = {
    course: await on(student.userId, 'Ports on the Caspian coast were dredged and widened', 'COURSE'),
    rivalGroup: await on(rival.userId, 'Customs posts at the border were merged', 'GROUP', caspian),
    orphan: await on(student.userId, 'Critics asked whether the loans behind the railway', 'GROUP', steppe),
    mine: await on(student.userId, 'were dredged and widened for the new ferries', 'PRIVATE'),
    rivalPrivate: await on(rival.userId, 'the loans behind the railway would ever be repaid', 'PRIVATE'),
    settled: await on(student.userId, 'carried more containers every year', 'COURSE'),
  };
  await insertReply(t, ids.course, instructor.userId);
  // A note quoting a passage the new version changed.
  const note = await instructor.call('createNote', { courseId }, { title: 'Seminar plan', scope: 'personal' });
  await t.prisma.documentCitation.create({
    data: {
      documentId: note.body.id,
      ordinal: 0,
      readingId,
      readingVersion: 1,
      quote: 'dredged and widened',
      selector: describePassage(text, ...findWords(text, 'dredged and widened')),
    },
  });
  const next = await storeNewVersion(t, instructor, courseId, readingId, SECOND);
  await t.api.app.get(AnnotationReanchoring).reanchorReading(readingId);
  const path = { courseId, readingId };
  const act = (who: typeof student, annotationId: string, body: object) =>
    who.call('triageAnnotation', { ...path, annotationId }, body);
  return { ...cast, ...groups, readingId, text, next, ids, path, act, noteId: note.body.id as string };
}

const row = (id: string) => t.prisma.annotation.findUniqueOrThrow({ where: { id } });

describe('the triage list', () => {
  it('shows staff the group and course threads to place, with their old and proposed passages, never private ones', async () => {
    const { instructor, ids, path, next, noteId } = await triaged();
    const { status, body } = await instructor.call<AnnotationTriage>('annotationTriage', path);
    expect(status).toBe(200);
    expect(body.readingVersion).toBe(2);
    expect(body.items.map((i) => i.annotationId).sort()).toEqual([ids.course, ids.rivalGroup, ids.orphan].sort());
    expect(body.privateElsewhere).toBe(2);
    // Nothing of a private thread: not its body, not its id.
    for (const text of ['On were dredged and widened', 'On the loans behind', ids.mine, ids.rivalPrivate]) {
      expect(JSON.stringify(body)).not.toContain(text);
    }

    const course = body.items.find((i) => i.annotationId === ids.course)!;
    expect(course).toMatchObject({ anchorStatus: 'triage', visibility: 'course', replies: 1 });
    expect(course.old).toMatchObject({ version: 1, quote: 'Ports on the Caspian coast were dredged and widened' });
    expect(course.old.before).toContain('Trade grew quickly.');
    expect(course.proposed).toMatchObject({ quote: 'Ports on the Caspian coast were dredged and deepened' });
    expect(next.text.slice(course.proposed!.start, course.proposed!.end)).toBe(course.proposed!.quote);
    expect(course.proposed!.confidence).toBeLessThan(0.85);

    const orphan = body.items.find((i) => i.annotationId === ids.orphan)!;
    expect(orphan).toMatchObject({ anchorStatus: 'orphaned', proposed: null });
    expect(orphan.old.quote).toBe('Critics asked whether the loans behind the railway');

    expect(body.citations).toEqual([
      expect.objectContaining({ documentId: noteId, kind: 'note', quote: 'dredged and widened', unplaced: null }),
    ]);
  });

  it('shows a student only their own private threads, for them to place', async () => {
    const { student, rival, ids, path } = await triaged();
    const mine = (await student.call<AnnotationTriage>('annotationTriage', path)).body;
    expect(mine.items.map((i) => i.annotationId)).toEqual([ids.mine]);
    expect(mine.privateElsewhere).toBe(0);
    const theirs = (await rival.call<AnnotationTriage>('annotationTriage', path)).body;
    expect(theirs.items.map((i) => [i.annotationId, i.anchorStatus])).toEqual([[ids.rivalPrivate, 'orphaned']]);
  });

  it('says when every thread found its place', async () => {
    const cast = await courseWithCast(t);
    const readingId = await assignedReading(t, cast.instructor, cast.courseId, FIRST);
    const list = await cast.instructor.call<AnnotationTriage>('annotationTriage', {
      courseId: cast.courseId,
      readingId,
    });
    expect(list.body).toEqual({
      readingVersion: 1,
      text: await currentText(t, readingId),
      pending: 0,
      items: [],
      privateElsewhere: 0,
      citations: [],
    });
  });
});

describe('triage actions', () => {
  it('accepting takes the proposed place, once', async () => {
    const { instructor, ids, act, next } = await triaged();
    const accepted = await act(instructor, ids.course, { action: 'accept' });
    const [start, end] = findWords(next.text, 'Ports on the Caspian coast were dredged and deepened');
    expect(accepted).toMatchObject({ status: 200, body: { anchorStatus: 'anchored', range: { start, end } } });
    expect(await row(ids.course)).toMatchObject({
      anchorStatus: 'ANCHORED',
      readingVersion: 2,
      start,
      end,
      quote: 'Ports on the Caspian coast were dredged and deepened',
      proposedSelector: null,
    });
    const again = await act(instructor, ids.course, { action: 'accept' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'ANNOTATION_NOT_IN_TRIAGE' } } });
  });

  it('orphaning keeps the quote; an orphan cannot be accepted or orphaned again', async () => {
    const { ta, ids, act } = await triaged();
    expect(await act(ta, ids.rivalGroup, { action: 'orphan' })).toMatchObject({
      status: 200,
      body: { anchorStatus: 'orphaned', range: null },
    });
    expect(await row(ids.rivalGroup)).toMatchObject({
      anchorStatus: 'ORPHANED',
      quote: 'Customs posts at the border were merged',
    });
    for (const action of ['orphan', 'accept']) {
      expect((await act(ta, ids.rivalGroup, { action })).body.error.code).toBe('ANNOTATION_NOT_IN_TRIAGE');
    }
  });

  it('moves a thread to words chosen in the current text, checked like a new annotation', async () => {
    const { instructor, ids, act, next } = await triaged();
    const [start, end] = findWords(next.text, 'Critics were quiet.');
    const target = (exact: string, s: number, e: number) => ({
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: s, end: e },
        ],
      },
    });
    const before = await row(ids.orphan);
    const mismatch = await act(instructor, ids.orphan, { action: 'move', ...target('Critics were loud.', start, end) });
    expect(mismatch).toMatchObject({ status: 422, body: { error: { code: 'SELECTOR_QUOTE_MISMATCH' } } });
    const outside = await act(instructor, ids.orphan, {
      action: 'move',
      ...target('Critics', next.text.length + 5, next.text.length + 12),
    });
    expect(outside).toMatchObject({ status: 422, body: { error: { code: 'SELECTOR_OUTSIDE_TEXT' } } });
    expect(await row(ids.orphan)).toEqual(before);

    const moved = await act(instructor, ids.orphan, { action: 'move', ...target('Critics were quiet.', start, end) });
    expect(moved).toMatchObject({ status: 200, body: { anchorStatus: 'anchored', range: { start, end } } });
    const placed = await row(ids.orphan);
    expect(placed).toMatchObject({
      anchorStatus: 'ANCHORED',
      readingVersion: 2,
      start,
      end,
      quote: 'Critics were quiet.',
    });
    expect(placed.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Critics were quiet.', prefix: expect.any(String) }),
      { type: 'TextPositionSelector', start, end },
    ]);
    // Placed now: it is not for triage any more.
    const again = await act(instructor, ids.orphan, { action: 'move', ...target('Critics were quiet.', start, end) });
    expect(again.status).toBe(409);
  });

  it('private threads are their author’s to place; staff neither see nor touch them', async () => {
    const { instructor, student, rival, ids, act } = await triaged();
    expect((await act(instructor, ids.mine, { action: 'accept' })).body.error.code).toBe('ANNOTATION_NOT_FOUND');
    expect((await act(rival, ids.mine, { action: 'accept' })).body.error.code).toBe('ANNOTATION_NOT_FOUND');
    expect(await act(student, ids.mine, { action: 'accept' })).toMatchObject({ status: 200 });
    expect(await row(ids.mine)).toMatchObject({ anchorStatus: 'ANCHORED', readingVersion: 2 });
  });

  it('refuses students on shared threads, other groups’ threads, placed threads and nonsense', async () => {
    const { student, instructor, ids, act } = await triaged();
    const before = await t.prisma.annotation.findMany({ orderBy: { id: 'asc' } });
    expect(await act(student, ids.course, { action: 'orphan' })).toMatchObject({
      status: 403,
      body: { error: { code: 'ANNOTATION_TRIAGE_IS_FOR_STAFF' } },
    });
    expect((await act(student, ids.rivalGroup, { action: 'orphan' })).status).toBe(404);
    expect((await act(instructor, ids.settled, { action: 'orphan' })).status).toBe(409);
    expect((await act(instructor, ids.course, { action: 'destroy' })).status).toBe(400);
    expect((await act(instructor, crypto.randomUUID(), { action: 'orphan' })).status).toBe(404);
    expect(await t.prisma.annotation.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});
