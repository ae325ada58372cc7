import { NOT_TEXT } from '../citations/selection';
import type { Passage } from '../reading/passage';

/**
 * The DOM point `offset` characters into a block's own text (markers and numbers, `data-not-text`,
 * count for nothing): the inverse of `offsetInBlock`.
 */
export function domPointIn(blockElement: Element, offset: number): { node: Node; offset: number } {
  const walker = blockElement.ownerDocument.createTreeWalker(blockElement, 4 /* NodeFilter.SHOW_TEXT */);
  let left = offset;
  let last: Node | null = null;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.parentElement?.closest(NOT_TEXT)) continue;
    const length = text.nodeValue?.length ?? 0;
    if (left < length || (left === length && length > 0 && !nextCounted(walker))) return { node: text, offset: left };
    left -= length;
    last = text;
  }
  return last ? { node: last, offset: last.nodeValue?.length ?? 0 } : { node: blockElement, offset: 0 };
}

/** Whether a counted text node follows the walker's current one (it is then moved back). */
function nextCounted(walker: TreeWalker): boolean {
  const here = walker.currentNode;
  let found = false;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.parentElement?.closest(NOT_TEXT) && (text.nodeValue?.length ?? 0) > 0) {
      found = true;
      break;
    }
  }
  walker.currentNode = here;
  return found;
}

/** A DOM range over a canonical-text passage of the rendered reading (blocks carry `data-block`); null if no block holds it. */
export function rangeOfPassage(
  textRoot: Element,
  passage: Passage,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Range | null {
  const covered = blockOffsets
    .map(([start, end], block) => ({ block, start, end }))
    .filter(({ start, end }) => end > passage.start && start < passage.end);
  const first = covered[0];
  const last = covered.at(-1);
  if (!first || !last) return null;
  const element = (block: number) => textRoot.querySelector(`[data-block="${block}"]`);
  const firstEl = element(first.block);
  const lastEl = element(last.block);
  if (!firstEl || !lastEl) return null;
  const from = domPointIn(firstEl, Math.max(0, passage.start - first.start));
  const to = domPointIn(lastEl, Math.min(last.end, passage.end) - last.start);
  const range = textRoot.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
