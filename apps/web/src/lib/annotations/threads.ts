import type { Annotation, AnnotationEvent, AnnotationVisibility } from '@commonplace/contracts';
import { passageSpans, type Passage } from '../reading/passage';
import type { AnnotationMarker, Highlight } from '../reading/segments';

/** A thread: its first annotation (which holds the passage) and its replies, each with its depth under it. */
export interface Thread {
  root: Annotation;
  replies: Array<{ annotation: Annotation; depth: number }>;
  /** Where it lies in the text as shown now; null when it could not be placed there. */
  passage: Passage | null;
}

/**
 * The passage an annotation's selectors name in the text as shown: its position when the quote is
 * there, else the occurrence of the quote nearest to it; null when the words are not in the text
 * or the server did not anchor it.
 */
export function placeOf(annotation: Annotation, canonicalText: string): Passage | null {
  if (annotation.anchorStatus !== 'anchored' || !annotation.target) return null;
  let exact: string | null = null;
  let position: Passage | null = null;
  for (const selector of annotation.target.selector) {
    if (selector.type === 'TextQuoteSelector') exact = selector.exact;
    else position = { start: selector.start, end: selector.end };
  }
  if (!exact) return null;
  if (position && canonicalText.slice(position.start, position.end) === exact) return position;
  const near = position?.start ?? 0;
  let best: number | null = null;
  for (let at = canonicalText.indexOf(exact); at >= 0; at = canonicalText.indexOf(exact, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === null ? null : { start: best, end: best + exact.length };
}

/**
 * The annotations as threads: pinned ones first, then in reading order (those not placed in this
 * text last), replies under the annotation they answer in the order they were written.
 */
export function threadsOf(annotations: readonly Annotation[], canonicalText: string): Thread[] {
  const byId = new Map(annotations.map((a) => [a.id, a] as const));
  const repliesOf = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.parentId === null) continue;
    const root = a.rootId ?? a.parentId;
    repliesOf.set(root, [...(repliesOf.get(root) ?? []), a]);
  }
  const depthOf = (reply: Annotation): number => {
    let depth = 0;
    for (let at: Annotation | undefined = reply; at?.parentId && depth < 50; at = byId.get(at.parentId)) depth++;
    return depth;
  };
  const threads = annotations
    .filter((a) => a.parentId === null)
    .map((root) => ({
      root,
      replies: (repliesOf.get(root.id) ?? [])
        .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((annotation) => ({ annotation, depth: depthOf(annotation) })),
      passage: placeOf(root, canonicalText),
    }));
  const order = (t: Thread) => t.passage?.start ?? Number.MAX_SAFE_INTEGER;
  return threads.sort(
    (a, b) =>
      Number(b.root.pinned) - Number(a.root.pinned) ||
      order(a) - order(b) ||
      a.root.createdAt.localeCompare(b.root.createdAt),
  );
}

/** The list after one live change: created or updated ones put in (or replaced), removed ones taken out with their replies. */
export function applyEvent(annotations: readonly Annotation[], event: AnnotationEvent): Annotation[] {
  if (event.kind === 'removed') {
    return annotations.filter((a) => a.id !== event.annotationId && a.rootId !== event.annotationId);
  }
  const at = annotations.findIndex((a) => a.id === event.annotation.id);
  if (at < 0) return [...annotations, event.annotation];
  return annotations.map((a, i) => (i === at ? event.annotation : a));
}

export interface ThreadFilter {
  tag: string | null;
  authorId: string | null;
  groupId: string | null;
  unread: boolean;
}

export const NO_FILTER: ThreadFilter = { tag: null, authorId: null, groupId: null, unread: false };

/**
 * Whether a thread is shown under a filter: a tag or an author anywhere in it, its group, an
 * unread annotation in it (or one in `keptUnread`, read while the unread filter showed it).
 */
export function threadMatches(
  thread: Thread,
  filter: ThreadFilter,
  keptUnread: ReadonlySet<string> = new Set(),
): boolean {
  const all = [thread.root, ...thread.replies.map((r) => r.annotation)];
  if (filter.tag && !all.some((a) => a.tags.includes(filter.tag!))) return false;
  if (filter.authorId && !all.some((a) => a.author.id === filter.authorId && !a.deleted)) return false;
  if (filter.groupId && thread.root.groupId !== filter.groupId) return false;
  if (filter.unread && all.every((a) => a.read && !keptUnread.has(a.id))) return false;
  return true;
}

/**
 * The margin's filter, with the annotations the unread filter keeps showing once read: a thread
 * shown as unread is marked read a moment later, and must not then vanish under the reader's eyes.
 * They stay until the filter is changed (or the page reloaded).
 */
export interface Filtering {
  filter: ThreadFilter;
  keptUnread: ReadonlySet<string>;
}

export const NO_FILTERING: Filtering = { filter: NO_FILTER, keptUnread: new Set() };

/** A filter changed: what the unread filter kept is let go. */
export const filterChanged = (filtering: Filtering, change: Partial<ThreadFilter>): Filtering => ({
  filter: { ...filtering.filter, ...change },
  keptUnread: new Set(),
});

/** Annotations just marked read: kept showing if the unread filter is on (it showed them). */
export const readUnderFilter = (filtering: Filtering, readIds: readonly string[]): Filtering =>
  filtering.filter.unread && readIds.length
    ? { ...filtering, keptUnread: new Set([...filtering.keptUnread, ...readIds]) }
    : filtering;

/** What the filters can choose from: the tags, authors and groups the threads hold, each once, sorted by name. */
export function filterChoices(threads: readonly Thread[]) {
  const tags = new Set<string>();
  const authors = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const thread of threads) {
    if (thread.root.groupId && thread.root.groupName) groups.set(thread.root.groupId, thread.root.groupName);
    for (const a of [thread.root, ...thread.replies.map((r) => r.annotation)]) {
      a.tags.forEach((tag) => tags.add(tag));
      if (!a.deleted) authors.set(a.author.id, a.author.name);
    }
  }
  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1]);
  return {
    tags: [...tags].sort(),
    authors: [...authors].sort(byName).map(([id, name]) => ({ id, name })),
    groups: [...groups].sort(byName).map(([id, name]) => ({ id, name })),
  };
}

/** The threads' passages to mark in each block, and where each thread's marker goes: after its last character. */
export function annotationMarks(
  threads: readonly Thread[],
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): { highlights: Map<number, Highlight[]>; markers: Map<number, AnnotationMarker[]> } {
  const highlights = new Map<number, Highlight[]>();
  const markers = new Map<number, AnnotationMarker[]>();
  const push = <T>(map: Map<number, T[]>, block: number, value: T) => {
    const list = map.get(block);
    if (list) list.push(value);
    else map.set(block, [value]);
  };
  for (const thread of threads) {
    if (!thread.passage) continue;
    const spans = passageSpans(thread.passage, blockOffsets);
    for (const { block, start, end } of spans) push(highlights, block, { start, end, kind: 'annotated' });
    const last = spans.at(-1);
    if (last)
      push(markers, last.block, { offset: last.end, threadId: thread.root.id, count: 1 + thread.replies.length });
  }
  return { highlights, markers };
}

/** The threads whose passage holds a canonical offset, the shortest (the most precise) first. */
export function threadsAt(offset: number, threads: readonly Thread[]): Thread[] {
  return threads
    .filter((t) => t.passage && t.passage.start <= offset && offset < t.passage.end)
    .sort((a, b) => a.passage!.end - a.passage!.start - (b.passage!.end - b.passage!.start));
}

/** Who sees a new thread when its author does not choose: their group when they are in one, else the course for staff, else only themselves. */
export function defaultVisibility(myGroupId: string | null, staff: boolean): AnnotationVisibility {
  if (myGroupId) return 'group';
  return staff ? 'course' : 'private';
}

/** The visibilities a person can choose from: "my group" only for someone in a group. */
export function visibilityChoices(myGroupId: string | null): Array<{ value: AnnotationVisibility; label: string }> {
  return [
    { value: 'private', label: 'Only me' },
    ...(myGroupId ? [{ value: 'group' as const, label: 'My group' }] : []),
    { value: 'course', label: 'Whole course' },
  ];
}

/** The reader's address that opens on one annotation (what "Copy link" copies). */
export function annotationLink(readerUrl: URL, annotationId: string): string {
  return `${readerUrl.origin}${readerUrl.pathname}?${new URLSearchParams({ annotation: annotationId })}`;
}

/** The reader's address that opens on a passage. */
export function passageLink(readerUrl: URL, passage: Passage): string {
  return `${readerUrl.origin}${readerUrl.pathname}?${new URLSearchParams({ passage: `${passage.start}-${passage.end}` })}`;
}

/** The thread holding an annotation (its first annotation or a reply). */
export function threadOf(threads: readonly Thread[], annotationId: string): Thread | null {
  return (
    threads.find((t) => t.root.id === annotationId || t.replies.some((r) => r.annotation.id === annotationId)) ?? null
  );
}

/** The highlights of the page with the annotated passages added, block by block. */
export function withAnnotated(
  base: Map<number, Highlight[]>,
  more: Map<number, Highlight[]>,
): Map<number, Highlight[]> {
  const merged = new Map(base);
  for (const [block, marks] of more) merged.set(block, [...(merged.get(block) ?? []), ...marks]);
  return merged;
}

/** Which of `ids` name annotations of the list not yet read, each once. */
export function unreadAmong(annotations: readonly Annotation[], ids: readonly string[]): string[] {
  const unread = new Set(annotations.filter((a) => !a.read).map((a) => a.id));
  return [...new Set(ids.filter((id) => unread.has(id)))];
}

/** The list with the annotations named read. */
export function markedRead(annotations: readonly Annotation[], ids: readonly string[]): Annotation[] {
  const done = new Set(ids);
  return annotations.map((a) => (done.has(a.id) && !a.read ? { ...a, read: true } : a));
}
