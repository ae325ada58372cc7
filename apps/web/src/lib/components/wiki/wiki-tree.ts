import type { WikiPage } from '@commonplace/contracts';

/** The pages under `parentId`, in their order. */
export const childrenOf = (pages: readonly WikiPage[], parentId: string | null) =>
  pages.filter((p) => p.parentId === parentId).sort((a, b) => a.position - b.position);

/** The page's ancestors, from the top down: its breadcrumbs. */
export function ancestorsOf(pages: readonly WikiPage[], page: WikiPage): WikiPage[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const trail: WikiPage[] = [];
  for (let at = page.parentId && byId.get(page.parentId); at && trail.length < pages.length;) {
    trail.unshift(at);
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return trail;
}

/** The pages a page may move into: all but itself and the pages under it. */
export function moveTargetsOf(pages: readonly WikiPage[], page: WikiPage): WikiPage[] {
  const below = new Set([page.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of pages) if (p.parentId && below.has(p.parentId) && !below.has(p.id)) grew = below.add(p.id).size > 0;
  }
  return pages.filter((p) => !below.has(p.id)).sort((a, b) => a.title.localeCompare(b.title));
}

/** Where on a page of the tree a dragged page is dropped: above it, below it, or onto it. */
export type DropZone = 'before' | 'after' | 'inside';

/** A page's place: its parent, and its index among its siblings (the API's `position`). */
export interface Placement {
  parentId: string | null;
  position: number;
}

/** Where the page is now. */
export function placementOf(pages: readonly WikiPage[], page: WikiPage): Placement {
  const position = childrenOf(pages, page.parentId).findIndex((p) => p.id === page.id);
  return { parentId: page.parentId, position };
}

/**
 * Where `dragged` goes when dropped on `target` (`null`: the top level, last): beside it, or inside
 * it as its last page. Null where it may not go (onto itself or a page under it) or would not move.
 */
export function dropPlacement(
  pages: readonly WikiPage[],
  dragged: WikiPage,
  target: WikiPage | null,
  zone: DropZone,
): Placement | null {
  // Positions count the siblings without the page itself, as the API places it.
  const othersUnder = (parentId: string | null) => childrenOf(pages, parentId).filter((p) => p.id !== dragged.id);
  let placement: Placement;
  if (!target) placement = { parentId: null, position: othersUnder(null).length };
  else if (!moveTargetsOf(pages, dragged).some((p) => p.id === target.id)) return null;
  else if (zone === 'inside') placement = { parentId: target.id, position: othersUnder(target.id).length };
  else {
    const beside = othersUnder(target.parentId).findIndex((p) => p.id === target.id);
    placement = { parentId: target.parentId, position: beside + (zone === 'after' ? 1 : 0) };
  }
  const now = placementOf(pages, dragged);
  return now.parentId === placement.parentId && now.position === placement.position ? null : placement;
}
