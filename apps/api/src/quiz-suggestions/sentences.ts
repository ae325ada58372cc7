/**
 * Sentences of a reading's canonical text, each with its offsets there, taken only from the blocks
 * that carry the argument: paragraphs and list items. Headings, captions, quotations and the
 * author box make poor questions (a caption describes a figure that is gone; a quotation is
 * someone else's words), so they are never split.
 */

export interface TextBlock {
  type: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the block it comes from, in reading order. */
  block: number;
}

const QUESTION_BLOCKS = new Set(['paragraph', 'list-item']);

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'pres',
  'jr',
  'sr',
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'ed',
  'eds',
  'fig',
  'figs',
  'vs',
  'etc',
  'al',
  'cf',
  'approx',
  'ca',
  'inc',
  'ltd',
  'co',
  'corp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

// A candidate end: . ! or ? (with any closing quotes or brackets), then space, then what may begin
// a sentence (a capital, a digit, an opening quote or bracket).
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu;

function endsWithAbbreviation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  // "U.S." and "e.g." and a single initial ("J. Smith") are abbreviations, not sentence ends.
  if (/^(?:[\p{L}]\.)+[\p{L}]?$/u.test(word) || /^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits one block's text into sentences, offsets relative to the block. */
export function splitSentences(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    if (text[match.index] === '.' && endsWithAbbreviation(text, match.index)) continue;
    const end = match.index + match[0].length;
    spans.push({ start, end });
    start = end;
  }
  spans.push({ start, end: text.length });
  return spans
    .map(({ start: s, end: e }) => {
      const slice = text.slice(s, e);
      const lead = slice.length - slice.trimStart().length;
      return { start: s + lead, end: s + slice.trimEnd().length };
    })
    .filter((span) => span.end > span.start);
}

/** Every sentence of the question-bearing blocks, in reading order. */
export function readingSentences(text: string, blocks: readonly TextBlock[]): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach((block, index) => {
    if (!QUESTION_BLOCKS.has(block.type)) return;
    const blockText = text.slice(block.start, block.end);
    for (const span of splitSentences(blockText)) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      sentences.push({ start, end, text: text.slice(start, end), block: index });
    }
  });
  return sentences;
}
