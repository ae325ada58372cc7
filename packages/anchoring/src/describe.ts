import type { PassageSelector } from '@commonplace/contracts';

/** About this many characters of context are kept on each side of a passage. */
export const CONTEXT_CHARS = 32;
// A partial word is dropped from the outer end of the context only if this much context is left.
const MIN_TRIMMED_CONTEXT = 12;

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const startsWithMark = (text: string, at: number) => /^\p{M}/u.test(text.slice(at, at + 2));

/** Moves a start offset back so it begins a whole character: not inside a pair, not on a mark. */
function characterStart(text: string, at: number): number {
  let start = at;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  while (start > 0 && startsWithMark(text, start)) start -= isLowSurrogate(text.charCodeAt(start - 1)) ? 2 : 1;
  return Math.max(0, start);
}

/** Moves an end offset forward so it ends a whole character, with its combining marks. */
function characterEnd(text: string, at: number): number {
  let end = at;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  while (end < text.length && startsWithMark(text, end)) end += isHighSurrogate(text.charCodeAt(end)) ? 2 : 1;
  return end;
}

function prefixStart(text: string, start: number): number {
  const cut = Math.max(0, start - CONTEXT_CHARS);
  if (cut === 0 || isSpace(text[cut - 1]) || isSpace(text[cut])) return characterEnd(text, cut);
  // The window begins inside a word: begin at the next word instead, if enough is left.
  const window = text.slice(cut, start);
  const space = window.search(/\s/);
  if (space >= 0 && window.length - space - 1 >= MIN_TRIMMED_CONTEXT) return cut + space + 1;
  return characterEnd(text, cut);
}

function suffixEnd(text: string, end: number): number {
  const cut = Math.min(text.length, end + CONTEXT_CHARS);
  if (cut === text.length || isSpace(text[cut - 1]) || isSpace(text[cut])) return characterStart(text, cut);
  // The window ends inside a word: end after the last whole word instead, if enough is left.
  const window = text.slice(end, cut);
  const lastSpace = window.search(/\s\S*$/);
  if (lastSpace >= MIN_TRIMMED_CONTEXT) return end + lastSpace;
  return characterStart(text, cut);
}

/**
 * Both selectors of the passage `text.slice(start, end)`: offsets in UTF-16 code units. A range
 * that cuts a character (half an emoji's surrogate pair, a letter without its accent) is widened
 * to whole characters. Throws a RangeError for offsets outside the text or an empty range.
 */
export function describe(text: string, start: number, end: number): PassageSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`No passage at [${start}, ${end}) of a text of ${text.length} code units.`);
  }
  const from = characterStart(text, start);
  const to = characterEnd(text, end);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart(text, from), from),
      suffix: text.slice(to, suffixEnd(text, to)),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}
