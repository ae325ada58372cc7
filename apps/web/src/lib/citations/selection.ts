import type { Passage } from '../reading/passage';

/**
 * Elements inside a block whose text is not the reading's: note markers and citation markers.
 * A selection counts none of their characters.
 */
export const NOT_TEXT = '[data-not-text]';

/** A point in one block's own text, as a position in `block.text`. */
export interface BlockPoint {
  block: number;
  offset: number;
}

const TEXT_NODE = 3;
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING

/**
 * How many characters of the block's own text come before the DOM boundary point (node, offset),
 * a point inside `blockElement` as a Selection's range gives it: in a text node, or between an
 * element's children.
 */
export function offsetInBlock(blockElement: Element, node: Node, offset: number): number {
  const before = (text: Node): boolean => {
    if (node.nodeType === TEXT_NODE) return (node.compareDocumentPosition(text) & PRECEDING) !== 0;
    const next = node.childNodes[offset];
    if (next) return (next.compareDocumentPosition(text) & PRECEDING) !== 0;
    return node.contains(text) || (node.compareDocumentPosition(text) & PRECEDING) !== 0;
  };
  const walker = blockElement.ownerDocument.createTreeWalker(blockElement, 4 /* NodeFilter.SHOW_TEXT */);
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const counted = !text.parentElement?.closest(NOT_TEXT);
    if (text === node) return count + (counted ? Math.min(offset, text.nodeValue?.length ?? 0) : 0);
    if (!before(text)) return count;
    if (counted) count += text.nodeValue?.length ?? 0;
  }
  return count;
}

/**
 * The span of the canonical text between two block points, in either order, given each block's
 * [start, end) in it; null when it is empty or names no block.
 */
export function canonicalRange(
  from: BlockPoint,
  to: BlockPoint,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Passage | null {
  const at = ({ block, offset }: BlockPoint) => {
    const span = blockOffsets[block];
    return span ? span[0] + Math.max(0, Math.min(span[1] - span[0], offset)) : null;
  };
  const a = at(from);
  const b = at(to);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** The passage without the spaces a drag or a double click takes in at either end; null if nothing is left. */
export function trimmed(text: string, passage: Passage): Passage | null {
  let { start, end } = passage;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * The passage of the canonical text a selection's range covers within the reading's text (its
 * blocks carry `data-block="<index>"`), from its first selected character to its last; null if
 * it covers none of it.
 */
export function selectedPassage(
  range: Range,
  textRoot: Element,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Passage | null {
  const blocks = [...textRoot.querySelectorAll('[data-block]')].filter((el) => range.intersectsNode(el));
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return null;
  const index = (el: Element) => Number(el.getAttribute('data-block'));
  const start: BlockPoint = {
    block: index(first),
    offset: first.contains(range.startContainer) ? offsetInBlock(first, range.startContainer, range.startOffset) : 0,
  };
  const end: BlockPoint = {
    block: index(last),
    offset: last.contains(range.endContainer)
      ? offsetInBlock(last, range.endContainer, range.endOffset)
      : Number.MAX_SAFE_INTEGER,
  };
  return canonicalRange(start, end, blockOffsets);
}
