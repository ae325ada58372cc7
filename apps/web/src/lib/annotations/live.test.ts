import { describe, expect, it } from 'vitest';
import type { AnnotationEvent } from '@commonplace/contracts';
import { followAnnotations, type EventSourceLike, type LiveState } from './live';

class FakeSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  listeners = new Map<string, (event: MessageEvent) => void>();
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: string) {
    this.listeners.get(type)?.({ data } as MessageEvent);
  }
}

function follow() {
  const source = new FakeSource();
  const events: AnnotationEvent[] = [];
  const states: LiveState[] = [];
  let refetches = 0;
  const stop = followAnnotations(
    '/api/courses/c/readings/r/annotations/events',
    { onEvent: (e) => events.push(e), onReconnect: () => refetches++, onState: (s) => states.push(s) },
    () => source,
  );
  return { source, events, states, stop, refetches: () => refetches };
}

const READING = '00000000-0000-4000-8000-000000000700';
const ANNOTATION = '00000000-0000-4000-8000-000000000001';

describe('followAnnotations', () => {
  it('hands on the annotation events that match the contract, and ignores the rest', () => {
    const { source, events } = follow();
    source.onopen?.(new Event('open'));
    source.send('annotation', JSON.stringify({ kind: 'removed', annotationId: ANNOTATION, readingId: READING }));
    source.send('annotation', 'not json');
    source.send('annotation', JSON.stringify({ kind: 'exploded' }));
    expect(events).toEqual([{ kind: 'removed', annotationId: ANNOTATION, readingId: READING }]);
  });

  it('hands on the news of a new version of the reading, and ignores a malformed one', () => {
    const source = new FakeSource();
    const versions: unknown[] = [];
    followAnnotations(
      '/events',
      { onEvent: () => {}, onReconnect: () => {}, onVersion: (v) => versions.push(v) },
      () => source,
    );
    source.send('reading-version', JSON.stringify({ readingId: READING, version: 2 }));
    source.send('reading-version', JSON.stringify({ readingId: READING, version: 'two' }));
    source.send('reading-version', '{');
    expect(versions).toEqual([{ readingId: READING, version: 2 }]);
  });

  it('says when the notes changed, and ignores a malformed notice', () => {
    const source = new FakeSource();
    let notices = 0;
    followAnnotations('/events', { onEvent: () => {}, onReconnect: () => {}, onNotes: () => notices++ }, () => source);
    source.send('notes', JSON.stringify({ courseId: '00000000-0000-4000-8000-000000000900' }));
    source.send('notes', JSON.stringify({ courseId: 'course' }));
    source.send('notes', 'not json');
    expect(notices).toBe(1);
  });

  it('fetches the list again after a drop, not on the first connection', () => {
    const { source, states, refetches } = follow();
    source.onopen?.(new Event('open'));
    expect(refetches()).toBe(0);
    source.onerror?.(new Event('error'));
    source.onopen?.(new Event('open'));
    expect(refetches()).toBe(1);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('closes the stream when the reader goes', () => {
    const { source, stop } = follow();
    stop();
    expect(source.closed).toBe(true);
  });
});
