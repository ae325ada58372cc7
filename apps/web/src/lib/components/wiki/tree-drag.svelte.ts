import { invalidateAll } from '$app/navigation';
import type { WikiPage } from '@commonplace/contracts';
import { callRoute, RouteError } from '$lib/browser-api';
import { dropPlacement, placementOf, type DropZone, type Placement } from './wiki-tree';

/** A move made by dragging, for the toast that says it and its Undo. */
interface Moved {
  pageId: string;
  title: string;
  from: Placement;
}

/** Where the dragged page would land now: beside or onto the page `id` (null: the top level). */
interface DropTarget {
  id: string | null;
  zone: DropZone;
}

/** The upper and lower quarters of a row drop beside it; the middle, into it. */
function zoneAt(event: DragEvent): DropZone {
  const row = (event.currentTarget as HTMLElement).getBoundingClientRect();
  const y = (event.clientY - row.top) / Math.max(row.height, 1);
  return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
}

/**
 * Moving and reordering wiki pages by dragging them in the tree, as people expect of a page tree
 * on a desktop; the page's own Move buttons do the same from the keyboard and on a phone. A move is
 * saved at once and said in a toast with its Undo.
 */
export class WikiTreeDrag {
  dragged = $state<WikiPage | null>(null);
  target = $state<DropTarget | null>(null);
  moved = $state<Moved | null>(null);
  failure = $state<string | null>(null);
  saving = $state(false);

  constructor(private readonly tree: () => { courseId: string; pages: WikiPage[] }) {}

  start(event: DragEvent, page: WikiPage): void {
    if (!page.writable || this.saving || !event.dataTransfer) return;
    this.dragged = page;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', page.title);
  }

  /** Over a page (or, with `page` null, the top level): allows the drop where the page may go. */
  over(event: DragEvent, page: WikiPage | null): void {
    if (!this.dragged) return;
    const zone = page ? zoneAt(event) : 'inside';
    if (!dropPlacement(this.tree().pages, this.dragged, page, zone)) {
      this.target = null;
      return;
    }
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.target = { id: page?.id ?? null, zone };
  }

  leave(page: WikiPage | null): void {
    if (this.target?.id === (page?.id ?? null)) this.target = null;
  }

  end(): void {
    this.dragged = null;
    this.target = null;
  }

  async drop(event: DragEvent, page: WikiPage | null): Promise<void> {
    const dragged = this.dragged;
    this.end();
    if (!dragged) return;
    event.preventDefault();
    const { pages } = this.tree();
    const placement = dropPlacement(pages, dragged, page, page ? zoneAt(event) : 'inside');
    if (!placement) return;
    const from = placementOf(pages, dragged);
    if (await this.place(dragged.id, placement)) this.moved = { pageId: dragged.id, title: dragged.title, from };
  }

  async undo(): Promise<void> {
    const moved = this.moved;
    if (!moved) return;
    if (await this.place(moved.pageId, moved.from)) this.moved = null;
  }

  private async place(pageId: string, placement: Placement): Promise<boolean> {
    this.saving = true;
    this.failure = null;
    try {
      await callRoute('updateWikiPage', { courseId: this.tree().courseId, pageId }, placement);
      await invalidateAll();
      return true;
    } catch (error) {
      this.failure = error instanceof RouteError ? error.message : 'The page could not be moved. Try again.';
      return false;
    } finally {
      this.saving = false;
    }
  }
}
