import { brokenWord, endsSentence, runningHeadKey, tailOf } from '../recover/text-shape.js';
import type { SourceBlock, SourceDoc, Warning } from '../types.js';

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?\s*$/i;
const BULLET = /^\s*[-*•]\s+/;
const QUOTE = /^\s*>\s?/;

interface Line {
  text: string;
  gapBefore: number;
  pageBreakBefore: boolean;
}

/** Plain text: lines and blank-line gaps, with hard wraps, page numbers and running heads undone. */
export function parseText(text: string): SourceDoc {
  const warnings: Warning[] = [];
  const lines = splitLines(text, warnings);
  const blocks = joinWrappedLines(lines, warnings);
  return { format: 'text', blocks, notes: [], meta: {}, warnings };
}

function splitLines(text: string, warnings: Warning[]): Line[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const out: Line[] = [];
  let gap = 0;
  let pageBreak = false;
  let pageNumbers = 0;
  for (const rawLine of raw) {
    let line = rawLine.trimEnd();
    if (line.includes('\f')) {
      pageBreak = true;
      line = line.replace(/\f/g, '');
    }
    if (!line.trim()) {
      gap++;
      continue;
    }
    if (PAGE_NUMBER.test(line)) {
      pageNumbers++;
      pageBreak = true;
      continue;
    }
    out.push({ text: line, gapBefore: gap, pageBreakBefore: pageBreak });
    gap = 0;
    pageBreak = false;
  }
  if (pageNumbers)
    warnings.push({ code: 'PAGE_NUMBERS_REMOVED', message: `Removed ${pageNumbers} page number line(s).` });
  return dropRunningHeads(out, warnings);
}

// A short line repeated on three or more pages, always next to a page boundary, is a running
// head or foot. Without page evidence a repeated line may be a legitimate repeated heading.
function dropRunningHeads(lines: Line[], warnings: Warning[]): Line[] {
  const nearBreak = new Map<string, { count: number; all: number }>();
  lines.forEach((l, i) => {
    if (l.text.length > 90) return;
    const k = runningHeadKey(l.text);
    const near = l.pageBreakBefore || lines[i + 1]?.pageBreakBefore === true;
    const e = nearBreak.get(k) ?? { count: 0, all: 0 };
    e.all++;
    if (near) e.count++;
    nearBreak.set(k, e);
  });
  const heads = new Set([...nearBreak].filter(([, e]) => e.count >= 3 && e.count === e.all).map(([k]) => k));
  if (!heads.size) return lines;
  const kept: Line[] = [];
  let carryBreak = false;
  for (const l of lines) {
    if (heads.has(runningHeadKey(l.text))) {
      carryBreak = true;
      continue;
    }
    kept.push(carryBreak ? { ...l, pageBreakBefore: true } : l);
    carryBreak = false;
  }
  warnings.push({
    code: 'RUNNING_HEADERS_REMOVED',
    message: `Removed ${lines.length - kept.length} running header/footer line(s) repeated on every page.`,
  });
  return kept;
}

/**
 * Decides line by line whether a line break is a hard wrap. The wrap width is read from the
 * document itself: if most lines stop near one width, a line reaching that width was wrapped.
 */
function joinWrappedLines(lines: Line[], warnings: Warning[]): SourceBlock[] {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const hardWrapped = p90 >= 30 && p90 <= 120 && lines.length >= 4;
  const wrapMin = Math.floor(p90 * 0.65);
  // A paragraph is kept as its pieces until it is complete: growing one string line by line and
  // reading its end each time would cost time quadratic in the paragraph's length.
  const paragraphs: Array<{ block: SourceBlock; parts: string[] }> = [];
  let dehyphenated = 0;
  let current: { block: SourceBlock; parts: string[] } | undefined;
  let open = false;
  for (const l of lines) {
    const bullet = BULLET.test(l.text);
    const quote = QUOTE.test(l.text);
    // An open line continues even across a removed page number and the blank lines around it.
    const startsNew =
      !current ||
      !open ||
      bullet ||
      quote ||
      (l.gapBefore > 0 && !(l.pageBreakBefore && !endsSentence(tailOf(current.parts))));
    if (!startsNew) {
      const parts = current!.parts;
      const last = parts[parts.length - 1]!;
      const next = l.text.trim();
      if (brokenWord(last, next)) {
        parts[parts.length - 1] = last.slice(0, -1);
        parts.push(next);
        dehyphenated++;
      } else {
        parts.push(' ' + next);
      }
    } else {
      current = {
        block: { text: '', pageBreakBefore: l.pageBreakBefore },
        parts: [l.text.replace(BULLET, '').replace(QUOTE, '').trim()],
      };
      if (bullet) current.block.kind = 'list-item';
      if (quote) current.block.kind = 'quote';
      paragraphs.push(current);
    }
    // A wrapped line reaches the wrap width; a sentence ending well short of it ends its paragraph.
    open = hardWrapped && l.text.length >= wrapMin && !(endsSentence(l.text) && l.text.length < p90 * 0.85);
  }
  if (dehyphenated)
    warnings.push({
      code: 'HYPHENATION_JOINED',
      message: `Rejoined ${dehyphenated} word(s) split by a line-end hyphen.`,
    });
  return paragraphs.map(({ block, parts }) => ({ ...block, text: parts.join('') }));
}
