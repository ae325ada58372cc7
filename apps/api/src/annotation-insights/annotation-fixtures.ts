import { describe as describePassage } from '@commonplace/anchoring';
import type { CourseCast } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import type { TestApi } from '../testing/test-api.js';

/**
 * Annotation rows written straight to the database, as the annotations API stores them (its
 * routes are another feature's): threads with their W3C selectors and offsets, and replies.
 */
export interface ThreadSpec {
  courseId: string;
  readingId: string;
  authorId: string;
  /** Words of the reading the thread is on (their first occurrence, or the `occurrence`-th). */
  words: string;
  occurrence?: number;
  visibility?: 'PRIVATE' | 'GROUP' | 'COURSE';
  groupId?: string | null;
  body?: string;
  tags?: string[];
  hidden?: boolean;
  deleted?: boolean;
  anchorStatus?: 'ANCHORED' | 'TRIAGE' | 'ORPHANED';
  createdAt?: Date;
}

const texts = new Map<string, string>();

export async function readingText(t: TestApi, readingId: string): Promise<string> {
  let text = texts.get(readingId);
  if (text === undefined) {
    text = (await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } })).canonicalText;
    texts.set(readingId, text);
  }
  return text;
}

/** Where `words` are in a reading's text. */
export async function offsetsOf(t: TestApi, readingId: string, words: string, occurrence = 1) {
  const text = await readingText(t, readingId);
  let start = -1;
  for (let n = 0; n < occurrence; n++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the reading`);
  return { start, end: start + words.length };
}

export async function thread(t: TestApi, spec: ThreadSpec) {
  const text = await readingText(t, spec.readingId);
  const { start, end } = await offsetsOf(t, spec.readingId, spec.words, spec.occurrence);
  const passage = describePassage(text, start, end);
  return t.prisma.annotation.create({
    data: {
      courseId: spec.courseId,
      readingId: spec.readingId,
      authorId: spec.authorId,
      visibility: spec.visibility ?? 'COURSE',
      groupId: spec.groupId ?? null,
      body: spec.body ?? '',
      tags: spec.tags ?? [],
      selector: [passage.quote, passage.position],
      quote: passage.quote.exact,
      start,
      end,
      readingVersion: 1,
      anchorStatus: spec.anchorStatus ?? 'ANCHORED',
      hiddenAt: spec.hidden ? new Date() : null,
      deletedAt: spec.deleted ? new Date() : null,
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    },
  });
}

export async function reply(
  t: TestApi,
  parent: {
    id: string;
    rootId: string | null;
    courseId: string;
    readingId: string;
    visibility: 'PRIVATE' | 'GROUP' | 'COURSE';
    groupId: string | null;
  },
  authorId: string,
  body: string,
  extra: { hidden?: boolean; deleted?: boolean; createdAt?: Date } = {},
) {
  return t.prisma.annotation.create({
    data: {
      courseId: parent.courseId,
      readingId: parent.readingId,
      authorId,
      parentId: parent.id,
      rootId: parent.rootId ?? parent.id,
      visibility: parent.visibility,
      groupId: parent.groupId,
      body,
      readingVersion: 1,
      hiddenAt: extra.hidden ? new Date() : null,
      deletedAt: extra.deleted ? new Date() : null,
      ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
    },
  });
}

/** A saved reading of the course (the article, or `text`), assigned in a week so students see it. */
export async function assignedReading(t: TestApi, cast: CourseCast, text?: string): Promise<string> {
  const { courseId, instructor } = cast;
  const readingId = (await savedReading(t, instructor, courseId, text)).body.id as string;
  const week = await instructor.call('createModule', { courseId }, { title: 'Week' });
  await instructor.call('createAssignment', { courseId }, { moduleId: week.body.id, readingId });
  return readingId;
}
