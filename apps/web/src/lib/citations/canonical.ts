/**
 * The reading's canonical text, rebuilt from its blocks where their offsets place them: block
 * texts joined by blank lines, as the importer made it (`canonicalText` in packages/reading).
 */
export function canonicalTextOf(
  blocks: ReadonlyArray<{ text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): string {
  let text = '';
  blocks.forEach((block, index) => {
    const start = blockOffsets[index]?.[0] ?? text.length;
    text += '\n'.repeat(Math.max(0, start - text.length)) + block.text;
  });
  return text;
}
