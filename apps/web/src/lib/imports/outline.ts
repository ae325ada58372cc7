/** A block's role in the preview outline: a heading of some level, or text (null). */
export type OutlineLevel = number | null;

interface BlockLike {
  type: string;
  level?: number;
}

/** The choices offered for a block: headings 1–3 (and its own deeper level, if it has one), or text. */
export function levelChoices(block: BlockLike): number[] {
  const levels = [1, 2, 3];
  if (block.type === 'heading' && block.level && !levels.includes(block.level)) levels.push(block.level);
  return levels;
}

export const originalLevel = (block: BlockLike): OutlineLevel => (block.type === 'heading' ? (block.level ?? 1) : null);

/**
 * Reads the outline form (`level-<index>` fields: a level, or "text") and returns only what the
 * instructor changed, as saveImport's `headings`: promoted, re-levelled or demoted blocks.
 */
export function headingEdits(
  blocks: readonly BlockLike[],
  form: Record<string, string>,
): Array<{ index: number; level: OutlineLevel }> {
  const edits: Array<{ index: number; level: OutlineLevel }> = [];
  blocks.forEach((block, index) => {
    const value = form[`level-${index}`];
    if (value === undefined) return;
    const level = value === 'text' ? null : Number(value);
    if (level !== null && !levelChoices(block).includes(level)) return;
    if (level !== originalLevel(block)) edits.push({ index, level });
  });
  return edits;
}

/** Warnings grouped by code, most frequent first, keeping each message. */
export function groupWarnings(
  warnings: ReadonlyArray<{ code: string; message: string }>,
): Array<{ code: string; messages: string[] }> {
  const groups = new Map<string, string[]>();
  for (const w of warnings) groups.set(w.code, [...(groups.get(w.code) ?? []), w.message]);
  return [...groups]
    .map(([code, messages]) => ({ code, messages }))
    .sort((a, b) => b.messages.length - a.messages.length);
}
