import { describe as describePassage } from '@commonplace/anchoring';
import { importReading } from '@commonplace/reading';
import { storeReading, storeSourceFile } from '../readings/reading-store.js';
import type { ApiClient } from '../testing/api-client.js';
import { readyDraft, savedReading } from '../testing/readings.js';
import type { TestApi } from '../testing/test-api.js';
import { selectorJson, type SelectorForm } from './stored-selector.js';

/**
 * Test setups for re-anchoring: readings saved and re-saved through the real save route, and
 * annotation threads written straight to the database (the annotations API is built beside this).
 */

type Staff = ApiClient & { userId: string };

/** A reading of `markdown`, assigned in a week so students see it. */
export async function assignedReading(t: TestApi, staff: Staff, courseId: string, markdown: string): Promise<string> {
  const readingId = (await savedReading(t, staff, courseId, markdown)).body.id as string;
  const week = (await staff.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  await staff.call('createAssignment', { courseId }, { moduleId: week, readingId });
  return readingId;
}

/** Saves `markdown` as the reading's next version, as an instructor saving a new import does. */
export async function saveNewVersion(t: TestApi, staff: Staff, courseId: string, readingId: string, markdown: string) {
  const draftId = await readyDraft(t, courseId, staff.userId, markdown);
  await t.prisma.importDraft.update({ where: { id: draftId }, data: { readingId } });
  const saved = await staff.call('saveImport', { courseId, draftId }, {});
  if (saved.status !== 201) throw new Error(`save failed: ${JSON.stringify(saved.body)}`);
  const reading = await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } });
  return { version: reading.version, text: reading.canonicalText };
}

/**
 * Stores `markdown` as the reading's next version the way a save does, but queues no job, so a
 * test runs the re-anchoring itself, when it chooses.
 */
export async function storeNewVersion(t: TestApi, staff: Staff, courseId: string, readingId: string, markdown: string) {
  const document = await importReading({ data: markdown });
  const bytes = new Uint8Array(Buffer.from(markdown));
  const stored = await t.prisma.$transaction(async (tx) => {
    const fileId = await storeSourceFile(tx, { courseId, filename: 'next.md', mediaType: 'text/markdown', bytes });
    return storeReading(tx, { courseId, readingId, document, fileId, createdById: staff.userId });
  });
  return { version: stored.version, text: await currentText(t, readingId) };
}

export async function currentText(t: TestApi, readingId: string): Promise<string> {
  return (await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } })).canonicalText;
}

export interface ThreadInput {
  courseId: string;
  readingId: string;
  authorId: string;
  /** The words annotated, found in `text` (the `occurrence`-th copy, 0 first). */
  words: string;
  text: string;
  occurrence?: number;
  readingVersion?: number;
  visibility?: 'PRIVATE' | 'GROUP' | 'COURSE';
  groupId?: string | null;
  body?: string;
  form?: SelectorForm;
}

export function findWords(text: string, words: string, occurrence = 0): [number, number] {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return [start, start + words.length];
}

/** A thread's first annotation on `words`, as the annotations API stores one. */
export async function insertThread(t: TestApi, input: ThreadInput): Promise<string> {
  const passage = describePassage(input.text, ...findWords(input.text, input.words, input.occurrence));
  const row = await t.prisma.annotation.create({
    data: {
      courseId: input.courseId,
      readingId: input.readingId,
      authorId: input.authorId,
      visibility: input.visibility ?? 'COURSE',
      groupId: input.groupId ?? null,
      body: input.body ?? `About “${input.words}”.`,
      selector: selectorJson(passage, input.form ?? 'array'),
      quote: passage.quote.exact,
      start: passage.position.start,
      end: passage.position.end,
      readingVersion: input.readingVersion ?? 1,
    },
    select: { id: true },
  });
  return row.id;
}

export async function insertReply(t: TestApi, threadId: string, authorId: string, body = 'A reply.'): Promise<string> {
  const thread = await t.prisma.annotation.findUniqueOrThrow({ where: { id: threadId } });
  const row = await t.prisma.annotation.create({
    data: {
      courseId: thread.courseId,
      readingId: thread.readingId,
      authorId,
      parentId: threadId,
      rootId: threadId,
      visibility: thread.visibility,
      groupId: thread.groupId,
      body,
      readingVersion: thread.readingVersion,
    },
    select: { id: true },
  });
  return row.id;
}
