import type { Passage } from '../reading/passage';

/**
 * Passage references a keyboard or screen-reader user types instead of dragging: `¶4`, `¶4 s2`,
 * `¶4 s2-s3`, `¶4 s2-¶5 s1`, `¶4-¶6`. Paragraphs are the reading's blocks other than headings,
 * counted from 1; sentences are counted from 1 within their paragraph.
 */

export interface Span {
  start: number;
  end: number;
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'no',
  'vol',
  'pp',
  'p',
  'ed',
  'eds',
  'fig',
  'ch',
  'approx',
  'c',
  'ca',
  'inc',
  'ltd',
  'co',
  'gen',
  'col',
  'lt',
  'sgt',
  'mt',
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

const END = /[.!?…]+['"’”)\]]*(?=\s)/g;

/**
 * The sentences of a paragraph's text, as [start, end) spans without the spaces between them. A
 * sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by a space
 * and a capital, a digit or an opening quote, and not after a known abbreviation or an initial.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(END)) {
    const end = match.index + match[0].length;
    if (end <= start) continue;
    const next = skipSpace(text, end);
    if (next >= text.length || !/[\p{Lu}\p{N}"'“‘([¿¡]/u.test(text[next]!)) continue;
    if (match[0].startsWith('.') && !match[0].startsWith('...') && abbreviationBefore(text, match.index)) continue;
    spans.push({ start, end });
    start = next;
  }
  const end = trimEnd(text, text.length);
  if (end > start) spans.push({ start, end });
  return spans;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function trimEnd(text: string, at: number): number {
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** Whether the word before a full stop at `dot` is an abbreviation or a single-letter initial. */
function abbreviationBefore(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The blocks that count as paragraphs (every block but headings): `paragraphs[n - 1]` is ¶n's block. */
export function paragraphBlocks(blocks: ReadonlyArray<{ type: string }>): number[] {
  return blocks.flatMap((block, index) => (block.type === 'heading' ? [] : [index]));
}

export interface ReferencePoint {
  paragraph: number;
  /** Null: the whole paragraph (its start as a start, its end as an end). */
  sentence: number | null;
}

export interface PassageReference {
  from: ReferencePoint;
  to: ReferencePoint;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const REFERENCE_HINT = 'Write a reference like ¶4, ¶4 s2, ¶4 s2-s3 or ¶4 s2-¶5 s1.';

const PARAGRAPH = String.raw`(?:¶|§|p|para|paragraph)?\s*(\d{1,5})`;
const SENTENCE = String.raw`(?:s|sent|sentence)\s*(\d{1,4})`;
const POINT = new RegExp(String.raw`^${PARAGRAPH}(?:[\s.,:]*${SENTENCE})?$`, 'i');
const SENTENCE_ONLY = new RegExp(String.raw`^${SENTENCE}$`, 'i');

/** Reads a typed reference; a clear message for anything it cannot read. */
export function parseReference(input: string): Parsed<PassageReference> {
  const text = input.trim().replace(/[–—−]/g, '-');
  if (!text) return { ok: false, error: `Type a passage reference. ${REFERENCE_HINT}` };
  const [first, second, ...rest] = text.split(/\s*-\s*/);
  if (rest.length || first === undefined || second === '')
    return { ok: false, error: `“${input.trim()}” is not a passage reference. ${REFERENCE_HINT}` };
  const from = point(first);
  if (!from) return { ok: false, error: `“${input.trim()}” is not a passage reference. ${REFERENCE_HINT}` };
  let to: ReferencePoint | null = from;
  if (second !== undefined) {
    const sentenceOnly = SENTENCE_ONLY.exec(second);
    to = sentenceOnly ? { paragraph: from.paragraph, sentence: Number(sentenceOnly[1]) } : point(second);
    if (!to) return { ok: false, error: `“${second}” is not where a passage can end. ${REFERENCE_HINT}` };
  }
  if (from.paragraph < 1 || to.paragraph < 1 || from.sentence === 0 || to.sentence === 0)
    return { ok: false, error: 'Paragraphs and sentences are counted from 1.' };
  const backwards =
    to.paragraph < from.paragraph ||
    (to.paragraph === from.paragraph && from.sentence !== null && to.sentence !== null && to.sentence < from.sentence);
  if (backwards) return { ok: false, error: 'The passage ends before it starts: put the earlier place first.' };
  return { ok: true, value: { from, to } };
}

function point(text: string): ReferencePoint | null {
  const match = POINT.exec(text);
  if (!match) return null;
  return { paragraph: Number(match[1]), sentence: match[2] === undefined ? null : Number(match[2]) };
}

/** How a reference is written back: `¶4 s2-s3`, `¶4-¶5 s1`. */
export function formatReference({ from, to }: PassageReference): string {
  const at = (p: ReferencePoint) => `¶${p.paragraph}${p.sentence === null ? '' : ` s${p.sentence}`}`;
  if (from.paragraph === to.paragraph && from.sentence === to.sentence) return at(from);
  if (from.paragraph === to.paragraph && from.sentence !== null && to.sentence !== null)
    return `${at(from)}-s${to.sentence}`;
  return `${at(from)}-${at(to)}`;
}

/**
 * The canonical-text passage a reference names, given the blocks (texts and types) and where each
 * block lies in the canonical text; a message naming what is missing when the reading has no such
 * paragraph or sentence.
 */
export function resolveReference(
  reference: PassageReference,
  blocks: ReadonlyArray<{ type: string; text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Parsed<Passage> {
  const paragraphs = paragraphBlocks(blocks);
  const place = (p: ReferencePoint, edge: 'start' | 'end'): Parsed<number> => {
    const block = paragraphs[p.paragraph - 1];
    if (block === undefined) {
      const count = paragraphs.length;
      return {
        ok: false,
        error: `There is no ¶${p.paragraph}: this reading has ${count} paragraph${count === 1 ? '' : 's'}.`,
      };
    }
    const [blockStart] = blockOffsets[block] ?? [0];
    const text = blocks[block]!.text;
    const sentences = sentenceSpans(text);
    if (p.sentence === null) {
      const whole = { start: sentences[0]?.start ?? 0, end: sentences.at(-1)?.end ?? text.length };
      return { ok: true, value: blockStart + whole[edge] };
    }
    const sentence = sentences[p.sentence - 1];
    if (!sentence) {
      const count = sentences.length;
      return {
        ok: false,
        error: `¶${p.paragraph} has ${count} sentence${count === 1 ? '' : 's'}: there is no s${p.sentence}.`,
      };
    }
    return { ok: true, value: blockStart + sentence[edge] };
  };
  const start = place(reference.from, 'start');
  if (!start.ok) return start;
  const end = place(reference.to, 'end');
  if (!end.ok) return end;
  if (end.value <= start.value) return { ok: false, error: 'That passage holds no words.' };
  return { ok: true, value: { start: start.value, end: end.value } };
}

/** Parses and resolves in one go: what the "Go to passage" field does. */
export function passageOfReference(
  input: string,
  blocks: ReadonlyArray<{ type: string; text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): Parsed<{ passage: Passage; label: string }> {
  const parsed = parseReference(input);
  if (!parsed.ok) return parsed;
  const resolved = resolveReference(parsed.value, blocks, blockOffsets);
  if (!resolved.ok) return resolved;
  return { ok: true, value: { passage: resolved.value, label: formatReference(parsed.value) } };
}

/** The reference of a canonical offset: which paragraph and sentence it falls in (null between blocks or in a heading). */
export function referenceAt(
  offset: number,
  blocks: ReadonlyArray<{ type: string; text: string }>,
  blockOffsets: ReadonlyArray<readonly [number, number]>,
): ReferencePoint | null {
  const paragraphs = paragraphBlocks(blocks);
  const index = paragraphs.findIndex((block) => {
    const [start, end] = blockOffsets[block] ?? [0, 0];
    return offset >= start && offset < end;
  });
  if (index < 0) return null;
  const block = paragraphs[index]!;
  const local = offset - blockOffsets[block]![0];
  const sentence = sentenceSpans(blocks[block]!.text).findIndex((s) => local < s.end);
  return { paragraph: index + 1, sentence: sentence < 0 ? null : sentence + 1 };
}

/** What "Number paragraphs" shows: for each paragraph's block, its ¶ number and where its sentences start. */
export function paragraphNumbering(
  blocks: ReadonlyArray<{ type: string; text: string }>,
): Map<number, { paragraph: number; sentenceStarts: number[] }> {
  return new Map(
    paragraphBlocks(blocks).map((block, i) => [
      block,
      { paragraph: i + 1, sentenceStarts: sentenceSpans(blocks[block]!.text).map((s) => s.start) },
    ]),
  );
}
