import { annotationEvent, type AnnotationEvent } from '@commonplace/contracts';

/** What the reader needs of an EventSource; a test hands in its own. */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows a reading's annotation events (server-sent events named `annotation`). The browser's
 * EventSource reconnects by itself after a drop; what was sent meanwhile is lost, so each
 * reconnection calls `onReconnect` for the list to be fetched again. Events that do not match the
 * contract are ignored. Returns the unsubscribe.
 */
export function followAnnotations(
  url: string,
  handlers: {
    onEvent: (event: AnnotationEvent) => void;
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
    let data: unknown;
    try {
      data = JSON.parse(String(message.data));
    } catch {
      return;
    }
    const parsed = annotationEvent.safeParse(data);
    if (parsed.success) handlers.onEvent(parsed.data);
  });
  return () => source.close();
}
