/** The fields of a page that place it in the tree. */
export interface TreeNode {
  id: string;
  slug: string;
  parentId: string | null;
}

/**
 * Each page's path of slugs from the top ("history/fresnel-lens"), for the export's folders. A
 * page whose parent is not among `pages` sits at the top.
 */
export function slugPaths(pages: readonly TreeNode[]): Map<string, string> {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const paths = new Map<string, string>();
  const pathOf = (page: TreeNode, seen: Set<string>): string => {
    const known = paths.get(page.id);
    if (known) return known;
    const parent = page.parentId ? byId.get(page.parentId) : undefined;
    // The API refuses cycles; a guard all the same, so a bad row cannot hang an export.
    const path = parent && !seen.has(parent.id) ? `${pathOf(parent, seen.add(page.id))}/${page.slug}` : page.slug;
    paths.set(page.id, path);
    return path;
  };
  for (const page of pages) pathOf(page, new Set());
  return paths;
}
