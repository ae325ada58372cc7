import {
  annotationVisibleTo,
  type Annotation,
  type AnnotationViewer,
  type AnnotationVisibility,
} from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import type { TestApi } from '../testing/test-api.js';
import { courseWithReading, targetOf } from './annotation-fixtures.js';

/**
 * The cast of the visibility-paths test: one course, two groups, every kind of thread, and what the
 * one rule (`annotationVisibleTo`) says each viewer may see of it, so each path can be held to it.
 */

export type Cast = Awaited<ReturnType<typeof courseWithReading>>;

/** Someone looking at the course through the API. */
export interface Watcher extends AnnotationViewer {
  name: string;
  client: ApiClient;
  /** Not in the course: every course path refuses them. */
  outsider: boolean;
}

/** One annotation the cast made, with what it became (hidden, deleted) and who was told of it. */
export interface Made {
  id: string;
  /** How failure messages name it, e.g. "A1 private". */
  label: string;
  /** A word only its body holds, to find it in exports that carry no ids. */
  token: string;
  authorId: string;
  /** Its thread's first annotation (itself for a thread). */
  thread: Made | null;
  visibility: AnnotationVisibility;
  groupId: string | null;
  quote: string | null;
  hidden: boolean;
  deleted: boolean;
  /** Who the API should have notified when it was written: [recipient, kind]. */
  notices: [string, 'reply' | 'mention'][];
}

/** The word every body holds, for the search. */
export const SEARCH_WORD = 'zephyr';

/**
 * Whether `viewer` may see `made` now: the rule on its thread, a hidden reply only for staff, a
 * deleted annotation for nobody (the cast's deleted thread has no replies to keep it).
 */
export function visibleNow(viewer: Watcher, made: Made): boolean {
  if (viewer.outsider || made.deleted) return false;
  const thread = made.thread ?? made;
  if (thread.deleted) return false;
  if (!annotationVisibleTo(viewer, thread)) return false;
  return !made.hidden || viewer.staff;
}

/** Whether `viewer` could have seen `made` at some moment: before it was hidden or deleted. */
export function visibleOnce(viewer: Watcher, made: Made): boolean {
  const unchanged = (m: Made): Made => ({ ...m, hidden: false, deleted: false });
  return visibleNow(viewer, { ...unchanged(made), thread: made.thread && unchanged(made.thread) });
}

const mention = (name: string, userId: string) => `@[${name}](user:${userId})`;

/**
 * Writes the cast's threads and replies through the API, in an order where every reply and
 * mention happens while its recipient may still see it (then hides and deletes some), and ends
 * with a course thread by the TA: once a live channel has it, it has everything before it.
 */
export async function writeThreads(t: TestApi, c: Cast): Promise<Made[]> {
  const at = { courseId: c.courseId, readingId: c.readingId };
  const made: Made[] = [];
  const write = async (
    client: ApiClient & { userId: string },
    label: string,
    input: { words: string; visibility: AnnotationVisibility } | { parent: Made },
    extra = '',
  ) => {
    const token = `k${made.length + 1}x`;
    const body = `${token} ${SEARCH_WORD} ${label}${extra}`;
    const request =
      'parent' in input
        ? { parentId: input.parent.id, body }
        : { target: targetOf(c.text, input.words), visibility: input.visibility, body };
    const created = await client.call('createAnnotation', at, request);
    if (created.status !== 201) throw new Error(`${label}: ${created.status} ${JSON.stringify(created.body)}`);
    const answer = created.body as Annotation;
    const parent = 'parent' in input ? input.parent : null;
    const thread = parent ? (parent.thread ?? parent) : null;
    const notices: Made['notices'] = [];
    if (parent && parent.authorId !== client.userId) notices.push([parent.authorId, 'reply']);
    for (const person of answer.mentions)
      if (person.id !== client.userId && person.id !== parent?.authorId) notices.push([person.id, 'mention']);
    const one: Made = {
      id: answer.id,
      label,
      token,
      authorId: client.userId,
      thread,
      visibility: answer.visibility,
      groupId: answer.groupId,
      quote: answer.quote,
      hidden: false,
      deleted: false,
      notices,
    };
    made.push(one);
    return one;
  };
  const { student: a1, partner: a2, rival: b1, instructor, ta } = c;

  const a1Private = await write(
    a1,
    'A1 private',
    { words: 'trim the wicks', visibility: 'private' },
    ` ${mention('Rival', b1.userId)}`,
  );
  const a1Group = await write(
    a1,
    'A1 group',
    { words: 'kept logbooks', visibility: 'group' },
    ` ${mention('Partner', a2.userId)}`,
  );
  const a1Course = await write(a1, 'A1 course', { words: 'every storm', visibility: 'course' });
  const b1Group = await write(
    b1,
    'B1 group',
    { words: 'outlived the towers', visibility: 'group' },
    ` ${mention('Student', a1.userId)}`,
  );
  await write(b1, 'B1 private', { words: 'Their children', visibility: 'private' });
  const hiddenThread = await write(a2, 'A2 course, hidden by staff', {
    words: 'Automation arrived',
    visibility: 'course',
  });
  const deletedThread = await write(
    b1,
    'B1 course, deleted',
    { words: 'long winters', visibility: 'course' },
    ` ${mention('Student', a1.userId)}`,
  );
  await write(instructor, 'instructor private', { words: 'the 1960s', visibility: 'private' });

  await write(a2, 'A2 reply on A1 group', { parent: a1Group });
  await write(b1, 'B1 reply on A1 course', { parent: a1Course });
  const hiddenReply = await write(a2, 'A2 reply on A1 course, hidden by staff', { parent: a1Course });
  await write(instructor, 'instructor reply on B1 group', { parent: b1Group });
  await write(a1, 'A1 reply on the hidden thread', { parent: hiddenThread });
  await write(a1, 'A1 reply on A1 private', { parent: a1Private });

  const change = async (client: ApiClient, target: Made, patch: Record<string, unknown> | 'delete') => {
    const params = { ...at, annotationId: target.id };
    const answer =
      patch === 'delete'
        ? await client.call('deleteAnnotation', params)
        : await client.call('updateAnnotation', params, patch);
    if (answer.status >= 300) throw new Error(`${target.label}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  await change(ta, hiddenReply, { hidden: true });
  hiddenReply.hidden = true;
  await change(instructor, hiddenThread, { hidden: true });
  hiddenThread.hidden = true;
  await change(b1, deletedThread, 'delete');
  deletedThread.deleted = true;

  await write(ta, 'TA course, last', { words: 'the keepers', visibility: 'course' });
  return made;
}

/** The cast's viewers: A1 and A2 in group A (Steppe), B1 in group B (Caspian), an outsider, staff. */
export const VIEWERS = ['A1 (group A)', 'A2 (group A)', 'B1 (group B)', 'outsider', 'instructor', 'TA'] as const;
export type ViewerName = (typeof VIEWERS)[number];

export function watchersOf(c: Cast): Record<ViewerName, Watcher> {
  const watcher = (name: ViewerName, client: Cast['student'], facts: Partial<Watcher> = {}): Watcher => ({
    name,
    client,
    userId: client.userId,
    staff: false,
    groupId: null,
    outsider: false,
    ...facts,
  });
  return {
    'A1 (group A)': watcher('A1 (group A)', c.student, { groupId: c.steppe }),
    'A2 (group A)': watcher('A2 (group A)', c.partner, { groupId: c.steppe }),
    'B1 (group B)': watcher('B1 (group B)', c.rival, { groupId: c.caspian }),
    outsider: watcher('outsider', c.outsider, { outsider: true }),
    instructor: watcher('instructor', c.instructor, { staff: true }),
    TA: watcher('TA', c.ta, { staff: true }),
  };
}

/** RFC 4180 rows (quoted fields, doubled quotes, line breaks inside quotes), without the BOM. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted && char === '"' && input[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
