import type { SourceBlock, Warning } from '../types.js';
import { textKey } from './text-shape.js';

/** Blocks long enough that a second identical copy is a scraping or layout accident. */
const MIN_DUPLICATE_LENGTH = 60;

export function removeDuplicateBlocks(blocks: SourceBlock[], warnings: Warning[]): SourceBlock[] {
  const seen = new Set<string>();
  let removed = 0;
  const out = blocks.filter((b) => {
    if (b.text.length < MIN_DUPLICATE_LENGTH) return true;
    const k = textKey(b.text);
    if (seen.has(k)) {
      removed++;
      return false;
    }
    seen.add(k);
    return true;
  });
  if (removed)
    warnings.push({
      code: 'DUPLICATE_REMOVED',
      message: `Removed ${removed} repeated block(s) of text printed twice in the source.`,
    });
  return out;
}
