import { describe, expect, it } from 'vitest';
import type { Annotation } from '@commonplace/contracts';
import {
  annotationLink,
  annotationMarks,
  applyEvent,
  defaultVisibility,
  filterChanged,
  filterChoices,
  NO_FILTER,
  NO_FILTERING,
  readUnderFilter,
  placeOf,
  threadMatches,
  threadOf,
  threadsAt,
  threadsOf,
  markedRead,
  unreadAmong,
  visibilityChoices,
  withAnnotated,
} from './threads';

const TEXT = 'Aktau grew. Kuryk grew faster.\n\nThe ferries were old. Kuryk grew faster.';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AIDA = { id: id(901), name: 'Aida' };
const BOLAT = { id: id(902), name: 'Bolat' };

function annotation(n: number, over: Partial<Annotation> & { at?: [number, number] } = {}): Annotation {
  const { at, ...rest } = over;
  const [start, end] = at ?? [0, 5];
  return {
    id: id(n),
    courseId: id(800),
    readingId: id(700),
    parentId: null,
    rootId: null,
    author: AIDA,
    authorRole: 'student',
    visibility: 'group',
    groupId: id(600),
    groupName: 'Caspian',
    body: `Comment ${n}`,
    tags: [],
    mentions: [],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: TEXT.slice(start, end), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    quote: TEXT.slice(start, end),
    anchorStatus: 'anchored',
    pinned: false,
    endorsed: false,
    hidden: false,
    deleted: false,
    edited: false,
    read: true,
    createdAt: `2026-11-30T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-30T10:00:00.000Z',
    can: { edit: true, delete: true, moderate: false, reply: true },
    ...rest,
  };
}
const reply = (n: number, parent: Annotation, over: Partial<Annotation> = {}) =>
  annotation(n, { parentId: parent.id, rootId: parent.rootId ?? parent.id, target: null, quote: null, ...over });

describe('placeOf', () => {
  it('takes the position when the quote is there', () => {
    expect(placeOf(annotation(1, { at: [12, 30] }), TEXT)).toEqual({ start: 12, end: 30 });
  });

  it('finds the quote nearest its old position when the offsets no longer fit', () => {
    const moved = annotation(1, { at: [12, 30] });
    moved.target!.selector[1] = { type: 'TextPositionSelector', start: 50, end: 68 };
    expect(placeOf(moved, TEXT)).toEqual({ start: TEXT.lastIndexOf('Kuryk'), end: TEXT.length });
  });

  it('places nothing whose words are gone, that the server did not anchor, or that is a reply', () => {
    const gone = annotation(1);
    gone.target!.selector[0] = { type: 'TextQuoteSelector', exact: 'Baku', prefix: '', suffix: '' };
    expect(placeOf(gone, TEXT)).toBeNull();
    expect(placeOf(annotation(2, { anchorStatus: 'orphaned' }), TEXT)).toBeNull();
    expect(placeOf(annotation(3, { anchorStatus: 'triage' }), TEXT)).toBeNull();
    expect(placeOf(reply(4, annotation(5)), TEXT)).toBeNull();
  });
});

describe('threadsOf', () => {
  it('orders threads pinned first, then by passage, the unplaced last, replies nested under what they answer', () => {
    const late = annotation(1, { at: [32, 53] });
    const early = annotation(2, { at: [0, 5] });
    const pinned = annotation(3, { at: [12, 17], pinned: true });
    const orphan = annotation(4, { anchorStatus: 'orphaned' });
    const first = reply(10, early);
    const answer = reply(12, first);
    const second = reply(11, early);
    const threads = threadsOf([late, answer, second, early, orphan, first, pinned], TEXT);
    expect(threads.map((t) => t.root.id)).toEqual([pinned.id, early.id, late.id, orphan.id]);
    expect(threads[1]!.replies.map((r) => [r.annotation.id, r.depth])).toEqual([
      [first.id, 1],
      [second.id, 1],
      [answer.id, 2],
    ]);
    expect(threads[3]!.passage).toBeNull();
  });
});

describe('applyEvent', () => {
  const root = annotation(1);
  const answer = reply(2, root);

  it('adds a created annotation and replaces an updated one in place', () => {
    const added = applyEvent([root], { kind: 'created', annotation: answer });
    expect(added.map((a) => a.id)).toEqual([root.id, answer.id]);
    const edited = applyEvent(added, { kind: 'updated', annotation: { ...root, body: 'Edited' } });
    expect(edited.map((a) => a.body)).toEqual(['Edited', answer.body]);
    // The same event twice (a refetch raced it) changes nothing more.
    expect(applyEvent(added, { kind: 'created', annotation: answer })).toHaveLength(2);
  });

  it('removes an annotation, and a thread with its replies', () => {
    const other = annotation(3);
    expect(applyEvent([root, answer, other], { kind: 'removed', annotationId: answer.id, readingId: id(700) })).toEqual(
      [root, other],
    );
    expect(applyEvent([root, answer, other], { kind: 'removed', annotationId: root.id, readingId: id(700) })).toEqual([
      other,
    ]);
  });
});

describe('filters', () => {
  const tagged = annotation(1, { tags: ['confusing'] });
  const byBolat = annotation(2, { author: BOLAT, groupId: id(601), groupName: 'Steppe', read: false });
  const answered = annotation(3);
  const threads = threadsOf(
    [tagged, byBolat, answered, reply(4, answered, { author: BOLAT, tags: ['question'] })],
    TEXT,
  );
  const shown = (filter: Partial<typeof NO_FILTER>) =>
    threads.filter((t) => threadMatches(t, { ...NO_FILTER, ...filter })).map((t) => t.root.id);

  it('shows every thread with no filter', () => {
    expect(shown({})).toHaveLength(3);
  });

  it('filters by a tag or an author anywhere in the thread, by group, and by unread', () => {
    expect(shown({ tag: 'confusing' })).toEqual([tagged.id]);
    expect(shown({ tag: 'question' })).toEqual([answered.id]);
    expect(shown({ authorId: BOLAT.id }).sort()).toEqual([byBolat.id, answered.id].sort());
    expect(shown({ groupId: id(601) })).toEqual([byBolat.id]);
    expect(shown({ unread: true })).toEqual([byBolat.id]);
    expect(shown({ unread: true, groupId: id(600) })).toEqual([]);
  });

  it('keeps a thread the unread filter showed once it is marked read, until the filter changes', () => {
    const shownUnder = (list: Annotation[], filtering: typeof NO_FILTERING) =>
      threadsOf(list, TEXT)
        .filter((t) => threadMatches(t, filtering.filter, filtering.keptUnread))
        .map((t) => t.root.id);
    const fresh = [tagged, byBolat, answered, reply(5, answered, { read: false })];
    let filtering = filterChanged(NO_FILTERING, { unread: true });
    expect(shownUnder(fresh, filtering)).toEqual([byBolat.id, answered.id]);

    // Shown, then marked read a moment later (as the margin does): both stay in view.
    const seen = [byBolat.id, id(5)];
    const read = markedRead(fresh, seen);
    filtering = readUnderFilter(filtering, seen);
    expect(shownUnder(read, filtering)).toEqual([byBolat.id, answered.id]);
    // Even when the list is fetched again and the server says they are read.
    expect(
      shownUnder(
        read.map((a) => ({ ...a, read: true })),
        filtering,
      ),
    ).toEqual([byBolat.id, answered.id]);

    // Changing the filter lets them go; turning "unread" off and on again shows only what is unread.
    filtering = filterChanged(filterChanged(filtering, { unread: false }), { unread: true });
    expect(shownUnder(read, filtering)).toEqual([]);
  });

  it('keeps nothing read while the unread filter is off', () => {
    const filtering = readUnderFilter(filterChanged(NO_FILTERING, { tag: 'confusing' }), [byBolat.id]);
    expect(filtering.keptUnread.size).toBe(0);
    expect(threadMatches(threads[1]!, { ...filtering.filter, tag: null, unread: true }, filtering.keptUnread)).toBe(
      true,
    );
  });

  it('offers the tags, authors and groups the threads hold', () => {
    expect(filterChoices(threads)).toEqual({
      tags: ['confusing', 'question'],
      authors: [AIDA, BOLAT],
      groups: [
        { id: id(600), name: 'Caspian' },
        { id: id(601), name: 'Steppe' },
      ],
    });
  });
});

describe('annotationMarks and threadsAt', () => {
  const offsets: Array<[number, number]> = [
    [0, 30],
    [32, TEXT.length],
  ];
  const across = annotation(1, { at: [12, 40] });
  const inside = annotation(2, { at: [12, 17] });
  const threads = threadsOf([across, reply(3, across), inside, annotation(4, { anchorStatus: 'orphaned' })], TEXT);

  it('marks each block a thread covers and puts its marker after its last character', () => {
    const { highlights, markers } = annotationMarks(threads, offsets);
    expect(highlights.get(0)).toEqual([
      { start: 12, end: 30, kind: 'annotated' },
      { start: 12, end: 17, kind: 'annotated' },
    ]);
    expect(highlights.get(1)).toEqual([{ start: 0, end: 8, kind: 'annotated' }]);
    expect(markers.get(1)).toEqual([{ offset: 8, threadId: across.id, count: 2 }]);
    expect(markers.get(0)).toEqual([{ offset: 17, threadId: inside.id, count: 1 }]);
  });

  it('finds the threads at a place in the text, the most precise first', () => {
    expect(threadsAt(14, threads).map((t) => t.root.id)).toEqual([inside.id, across.id]);
    expect(threadsAt(35, threads).map((t) => t.root.id)).toEqual([across.id]);
    expect(threadsAt(2, threads)).toEqual([]);
  });

  it('finds the thread of a reply', () => {
    expect(threadOf(threads, id(3))?.root.id).toBe(across.id);
    expect(threadOf(threads, id(99))).toBeNull();
  });
});

describe('visibility and links', () => {
  it('defaults to the group for someone in one, the course for staff, else private', () => {
    expect(defaultVisibility(id(600), false)).toBe('group');
    expect(defaultVisibility(null, true)).toBe('course');
    expect(defaultVisibility(null, false)).toBe('private');
  });

  it('offers "my group" only to someone in a group', () => {
    expect(visibilityChoices(null).map((c) => c.value)).toEqual(['private', 'course']);
    expect(visibilityChoices(id(600)).map((c) => c.value)).toEqual(['private', 'group', 'course']);
  });

  it('links to the reader on an annotation, without the page’s other parameters', () => {
    const url = new URL('https://commonplace.test/courses/c/readings/r?q=port&passage=1-4#b-3');
    expect(annotationLink(url, id(1))).toBe(`https://commonplace.test/courses/c/readings/r?annotation=${id(1)}`);
  });
});

describe('reading state and highlights', () => {
  it('knows which shown annotations are unread, once each, and marks them read', () => {
    const unread = annotation(1, { read: false });
    const read = annotation(2);
    expect(unreadAmong([unread, read], [read.id, unread.id, unread.id, id(99)])).toEqual([unread.id]);
    expect(markedRead([unread, read], [unread.id]).map((a) => a.read)).toEqual([true, true]);
  });

  it('adds the annotated passages to the page’s other highlights, block by block', () => {
    const base = new Map([[0, [{ start: 0, end: 3, kind: 'match' as const }]]]);
    const merged = withAnnotated(
      base,
      new Map([
        [0, [{ start: 1, end: 2, kind: 'annotated' as const }]],
        [2, [{ start: 4, end: 9, kind: 'annotated' as const }]],
      ]),
    );
    expect(merged.get(0)).toEqual([
      { start: 0, end: 3, kind: 'match' },
      { start: 1, end: 2, kind: 'annotated' },
    ]);
    expect(merged.get(2)).toEqual([{ start: 4, end: 9, kind: 'annotated' }]);
    expect(base.get(0)).toHaveLength(1);
  });
});
