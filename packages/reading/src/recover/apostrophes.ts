import type { Block, Warning } from '../types.js';

/**
 * Some copy-paste paths drop every apostrophe ("the citys mayor"). They cannot be put back
 * safely, since plurals look the same, so this only raises a doubt: a long text with no
 * apostrophe at all, in which capitalised words also appear with a bare trailing "s".
 */
export function flagDroppedApostrophes(blocks: Block[], warnings: Warning[]): void {
  const text = blocks.map((b) => b.text).join('\n');
  if (text.length < 500 || /['’]/.test(text)) return;
  const words = new Set(text.match(/\b\p{Lu}\p{Ll}+\b/gu) ?? []);
  const suspects = [...words].filter(
    (w) => /[^s]s$/.test(w) && words.has(w.slice(0, -1)) && !/(?:an|er|ist|ite)s$/.test(w),
  );
  if (suspects.length < 2) return;
  warnings.push({
    code: 'APOSTROPHES_MISSING',
    message: `The text has no apostrophes, and words such as ${suspects.slice(0, 3).join(', ')} look like possessives that lost theirs; check against the original.`,
  });
}
