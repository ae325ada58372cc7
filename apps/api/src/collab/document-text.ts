import * as Y from 'yjs';

/** The Y.XmlFragment the editor (Tiptap's Collaboration extension) keeps its content in. */
export const CONTENT_FIELD = 'default';

/**
 * A stand-in rendering until packages/editor derives text and Markdown from its own schema: it
 * knows the node names Tiptap uses for blocks and renders anything else as its text.
 */
const BLOCK_PREFIX: Record<string, (node: Y.XmlElement) => string> = {
  heading: (node) => `${'#'.repeat(Number(node.getAttribute('level')) || 1)} `,
  blockquote: () => '> ',
  listItem: () => '- ',
  // Tiptap stores the attribute as a boolean; Yjs types attributes as strings.
  taskItem: (node) => (String(node.getAttribute('checked')) === 'true' ? '- [x] ' : '- [ ] '),
};

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  // The delta, not toString(), which writes marks as XML tags and leaves typed "<" unescaped.
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  return node
    .toArray()
    .map((child) => textOf(child as Y.XmlElement | Y.XmlText))
    .join('');
}

/** One line per block; `marked` adds the Markdown marker of headings, quotes and list items. */
function blocksOf(fragment: Y.XmlFragment | Y.XmlElement, marked: boolean): string[] {
  const blocks: string[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      blocks.push(textOf(child));
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const hasBlocks = child.toArray().some((grandchild) => grandchild instanceof Y.XmlElement);
    const prefix = marked ? (BLOCK_PREFIX[child.nodeName]?.(child) ?? '') : '';
    if (hasBlocks) {
      const inner = blocksOf(child, marked);
      blocks.push(...inner.map((line, i) => (i === 0 ? prefix + line : line)));
    } else {
      blocks.push(prefix + textOf(child));
    }
  }
  return blocks;
}

/** The document's words, one block a line: for search and lists. */
export function plainTextOf(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  return blocksOf(fragment, false).join('\n');
}

/** The document as simple Markdown: headings, quotes, list items and paragraphs. */
export function markdownOf(title: string, doc: Y.Doc): string {
  const body = blocksOf(doc.getXmlFragment(CONTENT_FIELD), true).filter((line) => line.trim() !== '');
  return [`# ${title}`, ...body].join('\n\n') + '\n';
}
