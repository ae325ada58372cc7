import type { AnnotationEvent } from '@commonplace/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  annotate,
  courseWithReading,
  openEvents,
  targetOf,
  type EventsClient,
} from '../annotations/annotation-fixtures.js';
import { ARTICLE } from '../testing/readings.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { storeNewVersion } from './testing.js';

let t: TestApi;
const open: EventsClient[] = [];
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());
afterEach(() => open.splice(0).forEach((events) => events.close()));

/** The article with a paragraph before everything, one sentence rewritten beyond recognition, one deleted. */
const NEXT = ARTICLE.replace('## Keepers\n', '## Keepers\n\nA new opening paragraph moves every passage along.\n')
  .replace('Their children learned to trim the wicks before they could read.', 'Their children left for the towns.')
  .replace(
    "Automation arrived in the 1960s, and with it the end of the keepers' long winters on the rocks.",
    "Machines came later, and with them the end of the keepers' long winters.",
  );

type Cast = Awaited<ReturnType<typeof courseWithReading>>;
type Client = Cast['student'];

async function watch(who: Client, c: Cast) {
  const events = await openEvents(t.api.url, who, { courseId: c.courseId, readingId: c.readingId });
  open.push(events);
  return events;
}

/** An event as a line: what a reader would notice (which words it now marks, or that it went). */
const seen = (text: string) => (event: AnnotationEvent) => {
  if (event.kind === 'removed') return `removed ${event.annotationId}`;
  const a = event.annotation;
  const position = a.target?.selector.find((s) => s.type === 'TextPositionSelector');
  const words = a.parentId ? '(a reply)' : position ? `“${text.slice(position.start, position.end)}”` : a.anchorStatus;
  return `${event.kind} ${a.body || a.id} ${words}`;
};

/** Threads of each visibility on the words the new version keeps, loses and rewrites, and the reading's new text. */
async function annotatedThenNewVersion() {
  const c = await courseWithReading(t);
  const kept = await annotate(c.student, c, {
    target: targetOf(c.text, 'kept logbooks of every storm'),
    visibility: 'course',
    body: 'Kept.',
  });
  const group = await annotate(c.student, c, {
    target: targetOf(c.text, 'the logbooks outlived the towers'),
    visibility: 'group',
    body: 'Group.',
  });
  const secret = await annotate(c.student, c, {
    target: targetOf(c.text, 'kept logbooks'),
    visibility: 'private',
    body: 'Secret.',
  });
  const lost = await annotate(c.student, c, {
    target: targetOf(c.text, 'trim the wicks before they could read'),
    visibility: 'course',
    body: 'Lost.',
  });
  const reply = await annotate(c.partner, c, { parentId: lost.id, body: 'Lost reply.' });
  return { c, ids: { kept: kept.id, group: group.id, secret: secret.id, lost: lost.id, reply: reply.id } };
}

describe('re-anchoring on the live channel', () => {
  it('tells everyone open on the reading of the new version, then moves each thread only for those who may see it', async () => {
    const { c, ids } = await annotatedThenNewVersion();
    const [partner, rival, instructor, author] = await Promise.all([
      watch(c.partner, c),
      watch(c.rival, c),
      watch(c.instructor, c),
      watch(c.student, c),
    ]);
    const next = await storeNewVersion(t, c.instructor, c.courseId, c.readingId, NEXT);
    await t.api.app.get(AnnotationReanchoring).reanchorReading(c.readingId);
    // The last change, seen by all: once it is in, every earlier event has arrived.
    await annotate(c.ta, c, {
      target: targetOf(next.text, 'A new opening paragraph'),
      visibility: 'course',
      body: 'Last.',
    });

    const on = seen(next.text);
    expect((await partner.received(5)).map(on)).toEqual([
      `updated Kept. “kept logbooks of every storm”`,
      `updated Group. “the logbooks outlived the towers”`,
      `removed ${ids.lost}`,
      `removed ${ids.reply}`,
      `created Last. “A new opening paragraph”`,
    ]);
    // Another group's student and staff never get the group's or the private thread.
    expect((await rival.received(4)).map(on)).toEqual([
      `updated Kept. “kept logbooks of every storm”`,
      `removed ${ids.lost}`,
      `removed ${ids.reply}`,
      `created Last. “A new opening paragraph”`,
    ]);
    expect((await instructor.received(5)).map(on)).toEqual([
      `updated Kept. “kept logbooks of every storm”`,
      `updated Group. “the logbooks outlived the towers”`,
      `removed ${ids.lost}`,
      `removed ${ids.reply}`,
      `created Last. “A new opening paragraph”`,
    ]);
    // The author keeps the thread the new version lost, unplaced, with its reply.
    expect((await author.received(6)).map(on)).toEqual([
      `updated Kept. “kept logbooks of every storm”`,
      `updated Secret. “kept logbooks”`,
      `updated Group. “the logbooks outlived the towers”`,
      `updated Lost. orphaned`,
      `updated Lost reply. (a reply)`,
      `created Last. “A new opening paragraph”`,
    ]);
    for (const viewer of [partner, rival, instructor, author]) {
      expect(viewer.versions).toEqual([{ readingId: c.readingId, version: next.version }]);
    }
  });

  it('tells a reader of the new version even when no thread has to move', async () => {
    const c = await courseWithReading(t);
    const reader = await watch(c.rival, c);
    const next = await storeNewVersion(t, c.instructor, c.courseId, c.readingId, NEXT);
    await t.api.app.get(AnnotationReanchoring).reanchorReading(c.readingId);
    await annotate(c.ta, c, {
      target: targetOf(next.text, 'A new opening paragraph'),
      visibility: 'course',
      body: 'Last.',
    });

    expect((await reader.received(1)).map(seen(next.text))).toEqual([`created Last. “A new opening paragraph”`]);
    expect(reader.versions).toEqual([{ readingId: c.readingId, version: 2 }]);
  });
});

/** The article with two passages lightly edited: threads on them wait in triage. */
const EDITED = ARTICLE.replace(
  'trim the wicks before they could read',
  'trim the lamps before they could write',
).replace('Automation arrived in the 1960s', 'Automation arrived in the 1970s');

describe('triage on the live channel', () => {
  it('shows a thread placed again to those who may see it, with its replies, and a private one only to its author', async () => {
    const c = await courseWithReading(t);
    const course = await annotate(c.student, c, {
      target: targetOf(c.text, 'Automation arrived in the 1960s'),
      visibility: 'course',
      body: 'Course.',
    });
    await annotate(c.rival, c, { parentId: course.id, body: 'Course reply.' });
    const secret = await annotate(c.student, c, {
      target: targetOf(c.text, 'trim the wicks before they could read'),
      visibility: 'private',
      body: 'Secret.',
    });
    const group = await annotate(c.partner, c, {
      target: targetOf(c.text, 'trim the wicks before they could read'),
      visibility: 'group',
      body: 'Group.',
    });
    const next = await storeNewVersion(t, c.instructor, c.courseId, c.readingId, EDITED);
    const summary = await t.api.app.get(AnnotationReanchoring).reanchorReading(c.readingId);
    expect(summary).toMatchObject({ triage: 3, anchored: 0 });
    const [partner, rival, instructor, author] = await Promise.all([
      watch(c.partner, c),
      watch(c.rival, c),
      watch(c.instructor, c),
      watch(c.student, c),
    ]);

    const path = { courseId: c.courseId, readingId: c.readingId };
    const act = (who: Client, annotationId: string, action: object) =>
      who.call('triageAnnotation', { ...path, annotationId }, action);
    expect((await act(c.instructor, course.id, { action: 'accept' })).status).toBe(200);
    const moved = targetOf(next.text, 'trim the lamps before they could write');
    expect((await act(c.student, secret.id, { action: 'move', target: moved })).status).toBe(200);
    expect((await act(c.instructor, group.id, { action: 'orphan' })).status).toBe(200);
    await annotate(c.ta, c, { target: targetOf(next.text, 'logbooks'), visibility: 'course', body: 'Last.' });

    const on = seen(next.text);
    const placedAgain = [`created Course. “Automation arrived in the 1970s”`, `created Course reply. (a reply)`];
    expect((await rival.received(3)).map(on)).toEqual([...placedAgain, `created Last. “logbooks”`]);
    expect((await instructor.received(3)).map(on)).toEqual([...placedAgain, `created Last. “logbooks”`]);
    // The orphaned group thread reaches its author alone: it was in nobody else's margin.
    expect((await partner.received(4)).map(on)).toEqual([
      ...placedAgain,
      `updated Group. orphaned`,
      `created Last. “logbooks”`,
    ]);
    expect((await author.received(4)).map(on)).toEqual([
      `updated Course. “Automation arrived in the 1970s”`,
      `updated Course reply. (a reply)`,
      `updated Secret. “trim the lamps before they could write”`,
      `created Last. “logbooks”`,
    ]);
  });
});
