/**
 * Text folded for matching: runs of whitespace become one space, curly quotes and dashes become
 * their plain forms, and accents are dropped (both "é" and "e" + U+0301 become "e"). A new version
 * of a reading often changes exactly these things and nothing a reader would call the words.
 * Every folded code unit remembers the source span of the character it came from, so a match in
 * the folded text maps back to whole characters of the source: never half a surrogate pair, and
 * a letter together with its combining marks.
 */
export interface FoldedText {
  text: string;
  /** Source offset where the character behind each folded code unit starts. */
  starts: Uint32Array;
  /** Source offset where that character (with any combining marks after it) ends. */
  ends: Uint32Array;
}

const PLAIN_FORMS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00AD': '',
};
const WHITESPACE = /\s/;
const MARKS = /\p{M}/gu;

function plainForm(char: string): string {
  const plain = PLAIN_FORMS[char];
  if (plain !== undefined) return plain;
  const bare = char.normalize('NFD').replace(MARKS, '');
  // Some characters decompose into several letters (a Hangul syllable into its jamo): keep those
  // whole, so the folded text is never longer than the source.
  return bare.length <= char.length ? bare : char;
}

export function fold(source: string): FoldedText {
  let text = '';
  const starts = new Uint32Array(source.length);
  const ends = new Uint32Array(source.length);
  let inSpace = false;
  for (let i = 0; i < source.length;) {
    const code = source.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const char = source.slice(i, i + width);
    const isSpace = WHITESPACE.test(char);
    // Plain ASCII letters and digits are the bulk of a reading: skip the Unicode work for them.
    const plain = isSpace ? ' ' : code < 0x80 ? char : plainForm(char);
    if ((isSpace && inSpace) || plain === '') {
      // More of a whitespace run, a combining mark or a soft hyphen: it widens what came before.
      if (text.length) ends[text.length - 1] = i + width;
    } else {
      for (let unit = 0; unit < plain.length; unit++) {
        starts[text.length] = i;
        ends[text.length] = i + width;
        text += plain[unit];
      }
    }
    inSpace = isSpace;
    i += width;
  }
  return { text, starts: starts.subarray(0, text.length), ends: ends.subarray(0, text.length) };
}

/** The source range of folded `[start, end)`. */
export function sourceRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start]!, end: folded.ends[end - 1]! };
}

// Re-anchoring the passages of a new version resolves them one by one against the same text:
// the text folded last is kept, so it is folded once for all of them.
let lastFolded: { source: string; folded: FoldedText } | undefined;

/** `fold`, remembering the last text folded. */
export function foldReading(source: string): FoldedText {
  if (lastFolded?.source !== source) lastFolded = { source, folded: fold(source) };
  return lastFolded.folded;
}
