import { zipSync } from 'fflate';
import { slugPaths, type TreeNode } from './wiki-tree.js';

/**
 * The wiki as a zip of Markdown files named by slug, a folder per level of the tree: a page's
 * children sit in a folder named like it, beside it ("history.md", "history/fresnel-lens.md").
 */
export function wikiZip(pages: readonly { page: TreeNode; markdown: string }[]): Uint8Array {
  const paths = slugPaths(pages.map((p) => p.page));
  const encoder = new TextEncoder();
  const files = Object.fromEntries(
    pages.map(({ page, markdown }) => [`wiki/${paths.get(page.id)}.md`, encoder.encode(markdown)]),
  );
  return zipSync(files, { level: 6 });
}
