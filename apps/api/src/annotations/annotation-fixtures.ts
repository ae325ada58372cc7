import {
  SESSION_COOKIE,
  routePath,
  type Annotation,
  type AnnotationEvent,
  type AnnotationTarget,
  type NotesChangedEvent,
  type ReadingVersionEvent,
} from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { courseWithCast, enrol, signUp, twoGroups } from '../testing/factories.js';
import { savedReading } from '../testing/readings.js';
import type { TestApi } from '../testing/test-api.js';

/**
 * A course with the article assigned in a week, and two groups: Steppe (the cast's student and
 * a partner) and Caspian (Rival).
 */
export async function courseWithReading(t: TestApi) {
  const cast = await courseWithCast(t);
  const groups = await twoGroups(t, cast);
  const { courseId, instructor } = cast;
  const partner = await signUp(t, 'Partner');
  await enrol(t, courseId, partner.userId, 'STUDENT');
  await instructor.call('assignToGroup', { courseId, groupId: groups.steppe, userId: partner.userId });
  const readingId = (await savedReading(t, instructor, courseId)).body.id as string;
  const week = (await instructor.call('createModule', { courseId }, { title: 'Week 1' })).body.id as string;
  await instructor.call('createAssignment', { courseId }, { moduleId: week, readingId });
  const text = (await t.prisma.reading.findUniqueOrThrow({ where: { id: readingId } })).canonicalText;
  return { ...cast, ...groups, partner, readingId, text };
}

/** Writes an annotation on the reading as `client`, or throws with the refusal: a test's setup, not its subject. */
export async function annotate(
  client: ApiClient,
  on: { courseId: string; readingId: string },
  input: Record<string, unknown>,
): Promise<Annotation> {
  const created = await client.call('createAnnotation', { courseId: on.courseId, readingId: on.readingId }, input);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body as Annotation;
}

/** The target of the first occurrence of `words` in `text`, as the reader sends it. */
export function targetOf(text: string, words: string): AnnotationTarget {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`“${words}” is not in the text`);
  return {
    selector: [
      { type: 'TextQuoteSelector', exact: words, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + words.length },
    ],
  };
}

/** A live channel as a browser's EventSource would read it: every `annotation` event, parsed. */
export interface EventsClient {
  status: number;
  headers: Headers;
  events: AnnotationEvent[];
  /** The `reading-version` events, parsed (they come before the annotation events that follow them). */
  versions: ReadingVersionEvent[];
  /** The `notes` events, parsed: a note this viewer may read changed. */
  notes: NotesChangedEvent[];
  /** Resolves once `count` annotation events have arrived (rejects after a few seconds). */
  received(count: number): Promise<AnnotationEvent[]>;
  /** Resolves once `count` notes events have arrived (rejects after a few seconds). */
  receivedNotes(count: number): Promise<NotesChangedEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEvents(
  baseUrl: string,
  client: ApiClient,
  params: { courseId: string; readingId: string },
): Promise<EventsClient> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}${routePath('annotationEvents', params)}`, {
    headers: { accept: 'text/event-stream', cookie: `${SESSION_COOKIE}=${client.session}` },
    signal: abort.signal,
  });
  const events: AnnotationEvent[] = [];
  const versions: ReadingVersionEvent[] = [];
  const notes: NotesChangedEvent[] = [];
  const waiting = new Set<() => void>();
  let ended: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    ended = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = message.split('\n');
            const data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length);
            if (lines.includes('event: reading-version')) versions.push(JSON.parse(data!) as ReadingVersionEvent);
            if (lines.includes('event: notes')) notes.push(JSON.parse(data!) as NotesChangedEvent);
            if (lines.includes('event: annotation')) events.push(JSON.parse(data!) as AnnotationEvent);
            for (const wake of waiting) wake();
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    events,
    versions,
    notes,
    ended,
    received: (count) => until(events, count, waiting),
    receivedNotes: (count) => until(notes, count, waiting),
    close: () => abort.abort(),
  };
}

/** Resolves with `list` once it holds `count` items (rejects after a few seconds); `waiting` is woken on each event. */
function until<T>(list: T[], count: number, waiting: Set<() => void>): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (list.length < count) return;
      waiting.delete(check);
      clearTimeout(timer);
      resolve(list);
    };
    const timer = setTimeout(() => {
      waiting.delete(check);
      reject(new Error(`expected ${count} events, got ${JSON.stringify(list)}`));
    }, 5000);
    waiting.add(check);
    check();
  });
}
