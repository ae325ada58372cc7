import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationEvent } from '@commonplace/contracts';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { annotate, courseWithReading, openEvents, targetOf, type EventsClient } from './annotation-fixtures.js';

let t: TestApi;
const open: EventsClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((events) => events.close()));

type Cast = Awaited<ReturnType<typeof courseWithReading>>;
type Client = Cast['student'];

async function watch(who: Client, c: Cast) {
  const events = await openEvents(t.api.url, who, { courseId: c.courseId, readingId: c.readingId });
  open.push(events);
  return events;
}

/** The channels of the partner, the rival, the instructor and the student (the author), in that order. */
const watchAll = (c: Cast) =>
  Promise.all([watch(c.partner, c), watch(c.rival, c), watch(c.instructor, c), watch(c.student, c)] as const);

const summary = (event: AnnotationEvent) =>
  event.kind === 'removed' ? `removed ${event.annotationId}` : `${event.kind} ${event.annotation.body}`;

describe('the live channel', () => {
  it('sends each viewer only what they may see, shaped for them, and `removed` when they may no longer', async () => {
    const c = await courseWithReading(t);
    const [partner, rival, instructor, author] = await watchAll(c);
    expect([partner, rival, instructor, author].map((e) => e.status)).toEqual([200, 200, 200, 200]);
    expect(partner.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(partner.headers.get('x-content-type-options')).toBe('nosniff');

    const group = await annotate(c.student, c, {
      target: targetOf(c.text, 'kept logbooks'),
      visibility: 'group',
      body: 'Steppe.',
    });
    const secret = await annotate(c.student, c, {
      target: targetOf(c.text, 'trim the wicks'),
      visibility: 'private',
      body: 'Mine.',
    });
    const reply = await annotate(c.partner, c, { parentId: group.id, body: 'Reply.' });
    const rude = await annotate(c.rival, c, {
      target: targetOf(c.text, 'Automation arrived'),
      visibility: 'course',
      body: 'Rude.',
    });
    // Hidden once everyone has it (a change reaches each as the annotation stands when it is read).
    await Promise.all([partner.received(3), rival.received(1), instructor.received(3), author.received(4)]);
    await c.instructor.call(
      'updateAnnotation',
      { courseId: c.courseId, readingId: c.readingId, annotationId: rude.id },
      { hidden: true },
    );
    // The last change: once every viewer has it, nothing before it is still on its way.
    const last = await annotate(c.ta, c, {
      target: targetOf(c.text, 'outlived the towers'),
      visibility: 'course',
      body: 'Last.',
    });

    expect((await partner.received(5)).map(summary)).toEqual([
      'created Steppe.',
      'created Reply.',
      'created Rude.',
      `removed ${rude.id}`,
      'created Last.',
    ]);
    expect((await author.received(6)).map(summary)).toEqual([
      'created Steppe.',
      'created Mine.',
      'created Reply.',
      'created Rude.',
      `removed ${rude.id}`,
      'created Last.',
    ]);
    expect((await rival.received(3)).map(summary)).toEqual(['created Rude.', `removed ${rude.id}`, 'created Last.']);
    expect((await instructor.received(5)).map(summary)).toEqual([
      'created Steppe.',
      'created Reply.',
      'created Rude.',
      'updated Rude.',
      'created Last.',
    ]);
    // Shaped for each: the partner may edit their reply, not the thread; staff moderate.
    const partnerReply = partner.events.find((e) => e.kind === 'created' && e.annotation.id === reply.id);
    expect(partnerReply).toMatchObject({ annotation: { can: { edit: true, moderate: false }, read: true } });
    const staffView = instructor.events.find((e) => e.kind === 'created' && e.annotation.id === group.id);
    expect(staffView).toMatchObject({ annotation: { can: { edit: false, moderate: true }, read: false } });
    expect(JSON.stringify([partner.events, rival.events, instructor.events])).not.toContain(secret.id);
    expect(last.id).toBeTruthy();
  });

  it('removes a thread deleted without replies or made private, and follows a viewer moved to another group', async () => {
    const c = await courseWithReading(t);
    const partner = await watch(c.partner, c);
    const thread = await annotate(c.student, c, {
      target: targetOf(c.text, 'kept logbooks'),
      visibility: 'group',
      body: 'Ours.',
    });
    // A change reaches a viewer as the annotation stands when its notice is read, so a delete and its
    // undo in the same instant can arrive as two updates (the same end state). Each step here waits
    // until the partner has seen the one before, as a person undoing a delete would.
    await partner.received(1);
    const other = await annotate(c.student, c, {
      target: targetOf(c.text, 'trim the wicks'),
      visibility: 'course',
      body: 'All.',
    });
    await partner.received(2);
    await c.student.call(
      'updateAnnotation',
      { courseId: c.courseId, readingId: c.readingId, annotationId: other.id },
      { visibility: 'private' },
    );
    await partner.received(3);
    await c.student.call('deleteAnnotation', { courseId: c.courseId, readingId: c.readingId, annotationId: thread.id });
    await partner.received(4);
    await c.student.call('restoreAnnotation', {
      courseId: c.courseId,
      readingId: c.readingId,
      annotationId: thread.id,
    });
    expect((await partner.received(5)).map(summary)).toEqual([
      'created Ours.',
      'created All.',
      `removed ${other.id}`,
      `removed ${thread.id}`,
      'created Ours.',
    ]);
    // Moved to the other group, the partner no longer sees Steppe's thread, and is told at once.
    await c.instructor.call('assignToGroup', { courseId: c.courseId, groupId: c.caspian, userId: c.partner.userId });
    expect((await partner.received(6)).map(summary).at(-1)).toBe(`removed ${thread.id}`);
    await annotate(c.student, c, { parentId: thread.id, body: 'Still ours.' });
    await annotate(c.rival, c, {
      target: targetOf(c.text, 'Automation arrived'),
      visibility: 'group',
      body: 'Caspian.',
    });
    expect((await partner.received(7)).map(summary).at(-1)).toBe('created Caspian.');

    // Taken out of the course, the channel ends.
    const ended = vi.fn();
    void partner.ended.then(ended);
    expect((await c.instructor.call('removeMember', { courseId: c.courseId, userId: c.partner.userId })).status).toBe(
      204,
    );
    await vi.waitFor(() => expect(ended).toHaveBeenCalled(), { timeout: 5000 });
  });

  it('tells whoever may read a note, open on a reading of its course, that the notes changed', async () => {
    const c = await courseWithReading(t);
    const [partner, rival, instructor, author] = await watchAll(c);
    const { courseId } = c;
    const created = await c.student.call('createNote', { courseId }, { title: 'Steppe plan', scope: 'group' });
    expect(created.status).toBe(201);
    const noteId = created.body.id as string;
    await Promise.all([partner, instructor, author].map((events) => events.receivedNotes(1)));
    // It names the course and nothing of the note: the list is read again through the API.
    expect(partner.notes).toEqual([{ courseId }]);
    // A personal note: its owner alone hears of it.
    await c.rival.call('createNote', { courseId }, { title: 'Mine alone', scope: 'personal' });
    await rival.receivedNotes(1);
    expect((await c.partner.call('updateNote', { courseId, noteId }, { title: 'Steppe plan, revised' })).status).toBe(
      200,
    );
    expect((await c.student.call('deleteNote', { courseId, noteId })).status).toBe(200);
    await Promise.all([partner, instructor, author].map((events) => events.receivedNotes(3)));
    // Each notice is delivered in turn: by now none of the group's reached the other group, and the
    // personal note reached no one else.
    expect(rival.notes).toHaveLength(1);
    expect([partner, instructor, author].map((events) => events.notes.length)).toEqual([3, 3, 3]);
  });

  it('refuses the channel like the list: outsiders, the anonymous, a reading of another course', async () => {
    const c = await courseWithReading(t);
    const other = await courseWithReading(t);
    expect((await openEvents(t.api.url, c.outsider, { courseId: c.courseId, readingId: c.readingId })).status).toBe(
      404,
    );
    expect((await openEvents(t.api.url, t.client(), { courseId: c.courseId, readingId: c.readingId })).status).toBe(
      401,
    );
    const foreign = await openEvents(t.api.url, c.student, { courseId: c.courseId, readingId: other.readingId });
    expect(foreign.status).toBe(404);
  });
});
