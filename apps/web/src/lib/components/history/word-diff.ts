/** A run of text the same in both, only in the version (`removed`), or only now (`added`). */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many token pairs a word-by-word comparison is too slow for a page: lines are compared. */
const MAX_PAIRS = 4_000_000;

const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? [];
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** Joins neighbouring parts of one kind, so a changed sentence is one mark and not one per word. */
function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else if (text) parts.push({ kind, text });
}

/**
 * The longest common subsequence of two token lists, after setting aside what they start and end
 * with alike (most edits are local, which keeps the table small).
 */
function diffTokens(before: string[], after: string[]): DiffPart[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const parts: DiffPart[] = [];
  push(parts, 'same', before.slice(0, start).join(''));
  // lengths[i][j]: the common subsequence of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i++]!);
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) push(parts, 'removed', a[i++]!);
    else push(parts, 'added', b[j++]!);
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
  push(parts, 'same', before.slice(endBefore).join(''));
  return parts;
}

/** What changed from `before` (a version) to `after` (the document now), word by word where it can. */
export function diffText(before: string, after: string): DiffPart[] {
  const byWord = [words(before), words(after)] as const;
  if (byWord[0].length * byWord[1].length <= MAX_PAIRS) return diffTokens(...byWord);
  const byLine = [lines(before), lines(after)] as const;
  if (byLine[0].length * byLine[1].length <= MAX_PAIRS) return diffTokens(...byLine);
  return [
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ].filter((part) => part.text) as DiffPart[];
}
