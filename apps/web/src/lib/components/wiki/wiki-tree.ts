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
