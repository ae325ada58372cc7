import { describe } from '@commonplace/anchoring';
import {
  routePath,
  type Annotation,
  type AnnotationHotspots,
  type AnnotationPatch,
  type AnnotationVisibility,
} from '@commonplace/contracts';
import type { Passage } from '../reading/passage';
import { AnnotationError, callAnnotations } from './api';
import { followAnnotations, type LiveState } from './live';
import { plainBody } from './markdown';
import { forOlderText } from './older-text';
import {
  applyEvent,
  filterChanged,
  markedRead,
  NO_FILTERING,
  readUnderFilter,
  threadMatches,
  threadsOf,
  unreadAmong,
  type Filtering,
  type Thread,
  type ThreadFilter,
} from './threads';

export interface NewThread {
  passage: Passage;
  body: string;
  tags: string[];
  visibility: AnnotationVisibility;
}

/**
 * The annotations of the reading open in the reader: the list (as the server let this viewer see
 * it), kept current by the live channel, the filters, and what the margin does with them.
 */
export class ReaderAnnotations {
  list = $state<Annotation[]>([]);
  #filtering = $state.raw<Filtering>(NO_FILTERING);
  live = $state<LiveState>('connecting');
  /** The last thing to announce to screen readers (an aria-live region shows it). */
  said = $state('');
  hotspots = $state<AnnotationHotspots | null>(null);
  /** The thread open in the margin, by its first annotation's id. */
  openThread = $state<string | null>(null);
  /** A deletion that can still be undone. */
  undo = $state<{ annotationId: string; message: string } | null>(null);
  /** Why annotations could not be loaded, if they could not. */
  failure = $state<string | null>(null);
  /** The newest version of the reading the live channel announced. */
  announcedVersion = $state(0);
  /** Whether the text shown is older than the reading's current version (the page offers to show the new one). */
  readonly outdated: boolean = $derived.by(() => this.announcedVersion > this.shownVersion());

  readonly threads: Thread[] = $derived.by(() => threadsOf(this.list, this.canonical()));
  readonly shown: Thread[] = $derived(
    this.threads.filter((t) => threadMatches(t, this.#filtering.filter, this.#filtering.keptUnread)),
  );
  readonly placed: Thread[] = $derived(this.threads.filter((t) => t.passage !== null));

  #pendingReads: string[] = [];
  #readTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly params: { courseId: string; readingId: string },
    readonly viewerId: string,
    readonly canonical: () => string,
    initial: Annotation[] | null,
    /** The version of the text the reader shows. */
    readonly shownVersion: () => number,
  ) {
    if (initial) this.list = initial;
    else this.failure = 'Annotations could not be loaded.';
  }

  /** The margin's filter; change it with setFilter. */
  get filter(): Readonly<ThreadFilter> {
    return this.#filtering.filter;
  }

  setFilter(change: Partial<ThreadFilter>): void {
    this.#filtering = filterChanged(this.#filtering, change);
  }

  /**
   * Follows the live channel while the reader is open; the returned function stops it. `onNotes`
   * is called when a note the reader may read changed, and after a drop (what was missed is unknown).
   */
  follow(onNotes?: () => void): () => void {
    const stop = followAnnotations(routePath('annotationEvents', this.params), {
      onEvent: (event) => {
        if (event.kind === 'created' && event.annotation.author.id !== this.viewerId) {
          const a = event.annotation;
          const what = a.parentId ? 'New reply' : a.body ? 'New annotation' : 'New highlight';
          this.said = `${what} by ${a.author.name}${a.body ? `: ${plainBody(a.body, 80)}` : ''}`;
        }
        this.list = applyEvent(
          this.list,
          event.kind !== 'removed' && this.outdated
            ? { ...event, annotation: forOlderText(this.list, event.annotation) }
            : event,
        );
      },
      onVersion: ({ version }) => {
        if (version <= Math.max(this.announcedVersion, this.shownVersion())) return;
        this.announcedVersion = version;
        this.said = 'A new version of this reading was saved. Show it to see the annotations on its words.';
      },
      onNotes,
      onReconnect: () => {
        void this.refresh();
        onNotes?.();
      },
      onState: (state) => (this.live = state),
    });
    return () => {
      stop();
      clearTimeout(this.#readTimer);
    };
  }

  async refresh(): Promise<void> {
    try {
      this.list = await callAnnotations('listAnnotations', this.params);
      this.failure = null;
    } catch (e) {
      this.failure = e instanceof AnnotationError ? e.message : 'Annotations could not be loaded.';
    }
  }

  async loadHotspots(): Promise<void> {
    try {
      this.hotspots = await callAnnotations('annotationHotspots', this.params);
    } catch {
      this.hotspots = null;
    }
  }

  /** Starts a thread on a passage (a highlight when the body is empty); the new thread opens. */
  async create(thread: NewThread): Promise<Annotation> {
    // A passage chosen in the old text could name other words in the new one.
    if (this.outdated) throw new Error('A new version of this reading was saved: show it, then annotate.');
    const selector = describe(this.canonical(), thread.passage.start, thread.passage.end);
    const created = await callAnnotations('createAnnotation', this.params, {
      target: { selector: [selector.quote, selector.position] },
      body: thread.body,
      tags: thread.tags,
      visibility: thread.visibility,
    });
    this.list = applyEvent(this.list, { kind: 'created', annotation: created });
    this.openThread = created.id;
    this.said = thread.body ? 'Annotation saved.' : 'Highlight saved.';
    return created;
  }

  async reply(parentId: string, body: string): Promise<void> {
    const created = await callAnnotations('createAnnotation', this.params, { parentId, body, tags: [] });
    this.list = applyEvent(this.list, { kind: 'created', annotation: created });
    this.said = 'Reply saved.';
  }

  async change(annotationId: string, patch: AnnotationPatch, said: string): Promise<void> {
    const updated = await callAnnotations('updateAnnotation', { ...this.params, annotationId }, patch);
    this.list = applyEvent(this.list, { kind: 'updated', annotation: updated });
    this.said = said;
  }

  async remove(annotationId: string): Promise<void> {
    await callAnnotations('deleteAnnotation', { ...this.params, annotationId });
    // The server answers the rest on the live channel ("deleted" kept for a thread with replies);
    // the list is fetched again so that this page is right without it too.
    await this.refresh();
    this.undo = { annotationId, message: 'Annotation deleted.' };
    this.said = 'Annotation deleted. Undo is offered at the foot of the page.';
  }

  async restore(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    const restored = await callAnnotations('restoreAnnotation', { ...this.params, annotationId: undo.annotationId });
    this.list = applyEvent(this.list, { kind: 'updated', annotation: restored });
    this.undo = null;
    this.said = 'Annotation restored.';
  }

  /** Notes annotations as seen, a moment after they were shown, several in one call. */
  seen(ids: string[]): void {
    const fresh = unreadAmong(this.list, ids).filter((id) => !this.#pendingReads.includes(id));
    if (!fresh.length) return;
    this.#pendingReads.push(...fresh);
    clearTimeout(this.#readTimer);
    this.#readTimer = setTimeout(() => void this.#markRead(), 1500);
  }

  async #markRead(): Promise<void> {
    const annotationIds = this.#pendingReads.splice(0, 5000);
    try {
      await callAnnotations('markAnnotationsRead', this.params, { annotationIds });
    } catch {
      return;
    }
    this.list = markedRead(this.list, annotationIds);
    this.#filtering = readUnderFilter(this.#filtering, annotationIds);
  }
}
