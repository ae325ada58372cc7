import {
  annotationEvent,
  notesChangedEvent,
  readingVersionEvent,
  type AnnotationEvent,
  type ReadingVersionEvent,
} from '@commonplace/contracts';

/** What the reader needs of an EventSource; a test hands in its own. */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows a reading's annotation events (server-sent events named `annotation`,
 * `reading-version` when a new version of the reading is saved, and `notes` when a note the
 * reader may read changed in the course). The browser's
 * EventSource reconnects by itself after a drop; what was sent meanwhile is lost, so each
 * reconnection calls `onReconnect` for the list to be fetched again. Events that do not match the
 * contract are ignored. Returns the unsubscribe.
 */
export function followAnnotations(
  url: string,
  handlers: {
    onEvent: (event: AnnotationEvent) => void;
    onVersion?: (event: ReadingVersionEvent) => void;
    onNotes?: () => void;
    onReconnect: () => void;
    onState?: (state: LiveState) => void;
  },
  open: (url: string) => EventSourceLike = (u) => new EventSource(u, { withCredentials: true }),
): () => void {
  const source = open(url);
  let dropped = false;
  handlers.onState?.('connecting');
  source.onopen = () => {
    handlers.onState?.('live');
    if (dropped) handlers.onReconnect();
    dropped = false;
  };
  source.onerror = () => {
    dropped = true;
    handlers.onState?.('reconnecting');
  };
  source.addEventListener('annotation', (message) => {
    const parsed = annotationEvent.safeParse(jsonOf(message));
    if (parsed.success) handlers.onEvent(parsed.data);
  });
  source.addEventListener('reading-version', (message) => {
    const parsed = readingVersionEvent.safeParse(jsonOf(message));
    if (parsed.success) handlers.onVersion?.(parsed.data);
  });
  source.addEventListener('notes', (message) => {
    if (notesChangedEvent.safeParse(jsonOf(message)).success) handlers.onNotes?.();
  });
  return () => source.close();
}

/** A message's data as JSON; undefined when it is not (the contract check then refuses it). */
function jsonOf(message: MessageEvent): unknown {
  try {
    return JSON.parse(String(message.data));
  } catch {
    return undefined;
  }
}
