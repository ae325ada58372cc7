import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  Annotation,
  AnnotationEvent,
  AnnotationHotspots,
  AnnotationSearchHit,
  NotificationList,
} from '@commonplace/contracts';
import { DENSITY_BUCKETS } from '../annotation-insights/hotspots.service.js';
import { density } from '../annotation-insights/passages.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { courseWithReading, openEvents, type EventsClient } from './annotation-fixtures.js';
import {
  csvRows,
  SEARCH_WORD,
  VIEWERS,
  visibleNow,
  visibleOnce,
  watchersOf,
  writeThreads,
  type Cast,
  type Made,
  type ViewerName,
  type Watcher,
} from './visibility-cast.js';

/**
 * Issue #8's visibility matrix: every path that carries annotations (list, single get, hotspots,
 * participation, search, notifications, exports, the live channel), for every viewer of one cast,
 * held to the one rule of the contracts (`annotationVisibleTo`) computed over the threads the cast
 * wrote. Annotations are named by label (e.g. "B1 group") so a failure reads as who saw what where.
 */

let t: TestApi;
let c: Cast;
let made: Made[];
let watchers: Record<ViewerName, Watcher>;
const streams = new Map<ViewerName, EventsClient>();

beforeAll(async () => {
  t = await startTestApi();
  c = await courseWithReading(t);
  watchers = watchersOf(c);
  // Every live channel is open before the first thread is written.
  for (const name of VIEWERS)
    streams.set(
      name,
      await openEvents(t.api.url, watchers[name].client, { courseId: c.courseId, readingId: c.readingId }),
    );
  made = await writeThreads(t, c);
  // Changes reach a channel in the order they were made: the last thread closes every story.
  const last = made.at(-1)!;
  for (const stream of streams.values())
    if (stream.status === 200)
      await vi.waitFor(
        () => expect(stream.events.some((e) => e.kind === 'created' && e.annotation.id === last.id)).toBe(true),
        {
          timeout: 10_000,
        },
      );
});
afterAll(async () => {
  for (const stream of streams.values()) stream.close();
  await t?.close();
});

/** What a viewer got through a path: its status, and which of the cast's annotations (by label). */
interface Outcome {
  status: number;
  saw?: string[];
  density?: number[];
}

const labelOf = (id: string) => made.find((m) => m.id === id)?.label ?? `an annotation not in the cast (${id})`;
const threadOf = (m: Made) => m.thread ?? m;
const labels = (list: Made[]) => list.map((m) => m.label).sort();
const sorted = (list: string[]) => [...list].sort();
const visibleTo = (w: Watcher) => made.filter((m) => visibleNow(w, m));
const at = () => ({ courseId: c.courseId, readingId: c.readingId });

/** The course's answer for someone not in it, for students on a staff route, else `ok`. */
function courseRoute(w: Watcher, ok: () => Outcome, staffOnly = false): Outcome {
  if (w.outsider) return { status: 404 };
  if (staffOnly && !w.staff) return { status: 403 };
  return ok();
}

/** A thread the class view (hotspots) counts: shared, not hidden, not deleted. */
const countedThread = (m: Made) => !m.thread && m.visibility !== 'private' && !m.hidden && !m.deleted;
const countedReplies = (thread: Made) => made.filter((m) => m.thread === thread && !m.hidden && !m.deleted).length;
const passageOf = (m: Made) => {
  const start = c.text.indexOf(m.quote!);
  return { start, end: start + m.quote!.length };
};
const hotspotLine = (label: string, threads: number, replies: number) =>
  `${label}: ${threads} thread(s), ${replies} replies`;

async function exported(w: Watcher, format: 'markdown' | 'csv' | 'jsonld', scope: 'mine' | 'course') {
  const answer = await w.client.call('exportAnnotations', { courseId: c.courseId }, undefined, { format, scope });
  return { status: answer.status, body: answer.body as unknown };
}

const mineExported = (w: Watcher) =>
  visibleTo(w).filter((m) => m.authorId === w.userId || threadOf(m).authorId === w.userId);
const courseExported = (w: Watcher) => visibleTo(w).filter((m) => threadOf(m).visibility !== 'private');

/** Each export as its rows: CSV with its thread's quote, JSON-LD with its quote or the thread it answers. */
const csvLine = (m: Made) => `${m.label} @ ${threadOf(m).quote}`;
const jsonLdLine = (m: Made) => (m.thread ? `${m.label} ↳ ${m.thread.label}` : `${m.label} @ ${m.quote}`);

function csvSaw(body: unknown): string[] {
  const [header, ...rows] = csvRows(String(body));
  const id = header!.indexOf('Annotation ID');
  const quote = header!.indexOf('Quote');
  return sorted(rows.map((row) => `${labelOf(row[id]!)} @ ${row[quote]}`));
}

interface JsonLdItem {
  id: string;
  target: string | { selector?: { type: string; exact?: string }[] };
}
function jsonLdSaw(body: unknown): string[] {
  const items = (body as { first: { items: JsonLdItem[] } }).first.items;
  const uuid = (urn: string) => urn.replace(/^urn:uuid:/, '');
  return sorted(
    items.map((item) =>
      typeof item.target === 'string'
        ? `${labelOf(uuid(item.id))} ↳ ${labelOf(uuid(item.target))}`
        : `${labelOf(uuid(item.id))} @ ${item.target.selector?.find((s) => s.type === 'TextQuoteSelector')?.exact}`,
    ),
  );
}

/** Markdown carries no ids: which of the cast's bodies are in it. */
const markdownSaw = (body: unknown) => labels(made.filter((m) => new RegExp(`\\b${m.token}\\b`).test(String(body))));

/** A channel's events replayed: what the viewer's margin holds at the end. */
function liveMargin(events: AnnotationEvent[]): string[] {
  const margin = new Set<string>();
  for (const event of events)
    if (event.kind === 'removed') margin.delete(event.annotationId);
    else margin.add(event.annotation.id);
  return sorted([...margin].map(labelOf));
}

const eventIds = (events: AnnotationEvent[]) =>
  events.map((event) => (event.kind === 'removed' ? event.annotationId : event.annotation.id));

interface Path {
  name: string;
  expected(w: Watcher): Outcome;
  actual(w: Watcher): Promise<Outcome>;
}

const PATHS: Path[] = [
  {
    name: 'the list (GET .../annotations)',
    expected: (w) => courseRoute(w, () => ({ status: 200, saw: labels(visibleTo(w)) })),
    async actual(w) {
      const answer = await w.client.call<Annotation[]>('listAnnotations', at());
      return answer.status === 200
        ? { status: 200, saw: sorted(answer.body.map((a) => labelOf(a.id))) }
        : { status: answer.status };
    },
  },
  {
    name: 'the single get of each annotation (with its thread)',
    // Someone who may not see an annotation is told it does not exist (404), like the outsider.
    expected: (w) => ({ status: 200, saw: labels(visibleTo(w)) }),
    async actual(w) {
      const saw = new Set<string>();
      for (const m of made) {
        const answer = await w.client.call<{ annotation: Annotation; replies: Annotation[] }>('getAnnotation', {
          ...at(),
          annotationId: m.id,
        });
        if (answer.status === 200)
          for (const a of [answer.body.annotation, ...answer.body.replies]) saw.add(labelOf(a.id));
        else if (answer.status !== 404) saw.add(`${m.label} answered ${answer.status}`);
      }
      return { status: 200, saw: sorted([...saw]) };
    },
  },
  {
    name: 'the hotspots (counts of the threads the viewer may see)',
    expected: (w) =>
      courseRoute(w, () => {
        const threads = made.filter((m) => countedThread(m) && visibleNow(w, m));
        return {
          status: 200,
          saw: sorted(threads.map((m) => hotspotLine(m.label, 1, countedReplies(m)))),
          density: density(threads.map(passageOf), c.text.length, DENSITY_BUCKETS),
        };
      }),
    async actual(w) {
      const answer = await w.client.call<AnnotationHotspots>('annotationHotspots', at());
      if (answer.status !== 200) return { status: answer.status };
      const threadAt = (start: number, end: number) =>
        made.find((m) => !m.thread && passageOf(m).start === start && passageOf(m).end === end)?.label ??
        `a passage no thread of the cast holds (${start}-${end})`;
      return {
        status: 200,
        saw: sorted(answer.body.discussed.map((p) => hotspotLine(threadAt(p.start, p.end), p.threads, p.replies))),
        density: answer.body.density,
      };
    },
  },
  {
    name: 'the participation summary (staff only, counts without content)',
    expected: (w) => courseRoute(w, () => ({ status: 200, saw: [] }), true),
    async actual(w) {
      const answer = await w.client.call('participation', { courseId: c.courseId });
      if (answer.status !== 200) return { status: answer.status };
      const json = JSON.stringify(answer.body);
      return { status: 200, saw: labels(made.filter((m) => json.includes(m.token))) };
    },
  },
  {
    name: 'the course search',
    expected: (w) => courseRoute(w, () => ({ status: 200, saw: labels(visibleTo(w)) })),
    async actual(w) {
      const answer = await w.client.call<{ kind: string }[]>('search', { courseId: c.courseId }, undefined, {
        q: SEARCH_WORD,
      });
      if (answer.status !== 200) return { status: answer.status };
      const hits = answer.body.filter((hit): hit is AnnotationSearchHit => hit.kind === 'annotation');
      return { status: 200, saw: sorted(hits.map((hit) => labelOf(hit.annotationId))) };
    },
  },
  {
    name: 'the notifications (and their unread count)',
    expected(w) {
      const lines = made.flatMap((m) =>
        m.notices
          .filter(([recipient]) => recipient === w.userId && visibleNow(w, m))
          .map(([, kind]) => `${kind}: ${m.label}`),
      );
      return { status: 200, saw: sorted([...lines, `unread: ${lines.length}`]) };
    },
    async actual(w) {
      const answer = await w.client.call<NotificationList>('listNotifications', {}, undefined, {
        courseId: c.courseId,
      });
      if (answer.status !== 200) return { status: answer.status };
      const lines = answer.body.items.map((n) => `${n.kind}: ${labelOf(n.annotationId)}`);
      return { status: 200, saw: sorted([...lines, `unread: ${answer.body.unreadCount}`]) };
    },
  },
  ...(['mine', 'course'] as const).flatMap((scope): Path[] => {
    const expectedOf = (w: Watcher, line: (m: Made) => string): Outcome =>
      courseRoute(
        w,
        () => ({ status: 200, saw: sorted((scope === 'mine' ? mineExported(w) : courseExported(w)).map(line)) }),
        scope === 'course',
      );
    const exportPath = (
      format: 'markdown' | 'csv' | 'jsonld',
      line: (m: Made) => string,
      parse: (body: unknown) => string[],
    ): Path => ({
      name: `the ${format} export (${scope})`,
      expected: (w) => expectedOf(w, line),
      async actual(w) {
        const answer = await exported(w, format, scope);
        return answer.status === 200 ? { status: 200, saw: parse(answer.body) } : { status: answer.status };
      },
    });
    return [
      exportPath('markdown', (m) => m.label, markdownSaw),
      exportPath('csv', csvLine, csvSaw),
      exportPath('jsonld', jsonLdLine, jsonLdSaw),
    ];
  }),
  {
    name: 'the live channel (what the margin holds once every event is in)',
    expected: (w) => courseRoute(w, () => ({ status: 200, saw: labels(visibleTo(w)) })),
    async actual(w) {
      const stream = streams.get(w.name as ViewerName)!;
      return stream.status === 200 ? { status: 200, saw: liveMargin(stream.events) } : { status: stream.status };
    },
  },
  {
    name: 'the live channel (every annotation it ever told of)',
    // Told of a thread before it was hidden or deleted is fine; told of one never theirs to see is a leak.
    expected: (w) => courseRoute(w, () => ({ status: 200, saw: labels(made.filter((m) => visibleOnce(w, m))) })),
    async actual(w) {
      const stream = streams.get(w.name as ViewerName)!;
      if (stream.status !== 200) return { status: stream.status };
      return { status: 200, saw: sorted([...new Set(eventIds(stream.events).map(labelOf))]) };
    },
  },
];

describe('the visibility matrix: every path, every viewer, one rule', () => {
  describe.each(PATHS)('$name', (path) => {
    it.each([...VIEWERS])('gives %s exactly what the rule allows', async (name) => {
      const viewer = watchers[name];
      expect(await path.actual(viewer), `${name} through ${path.name}`).toEqual(path.expected(viewer));
    });
  });
});

describe('the cast itself', () => {
  it('has what the matrix is about: group, private, hidden and deleted threads each kept from someone', () => {
    const w = watchers;
    const hiddenFrom = (m: Made) => VIEWERS.filter((name) => !visibleNow(w[name], m));
    const byLabel = (label: string) => made.find((m) => m.label === label)!;
    expect(hiddenFrom(byLabel('B1 group'))).toEqual(['A1 (group A)', 'A2 (group A)', 'outsider']);
    expect(hiddenFrom(byLabel('A1 private'))).toEqual(['A2 (group A)', 'B1 (group B)', 'outsider', 'instructor', 'TA']);
    expect(hiddenFrom(byLabel('A2 course, hidden by staff'))).toEqual([
      'A1 (group A)',
      'A2 (group A)',
      'B1 (group B)',
      'outsider',
    ]);
    expect(hiddenFrom(byLabel('B1 course, deleted'))).toEqual(VIEWERS);
  });

  it('accepts @B1 in A1’s private thread, shows the mention to A1 alone, and never notifies B1', async () => {
    const a1Private = made.find((m) => m.label === 'A1 private')!;
    const mine = await c.student.call<{ annotation: Annotation }>('getAnnotation', {
      ...at(),
      annotationId: a1Private.id,
    });
    expect(mine.body.annotation.mentions).toEqual([{ id: c.rival.userId, name: 'Rival' }]);
    expect(a1Private.notices).toEqual([[c.rival.userId, 'mention']]);
    const rivals = await c.rival.call<NotificationList>('listNotifications', {}, undefined, { courseId: c.courseId });
    expect(rivals.body.items.map((n) => labelOf(n.annotationId))).not.toContain('A1 private');
    expect(rivals.body.items).not.toHaveLength(0);
  });
});
