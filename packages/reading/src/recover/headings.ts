import type { SourceBlock, Warning } from '../types.js';
import { isCaptionLine } from './metadata.js';
import { endsSentence, isPersonName, isTitleLike, wordCount } from './text-shape.js';
import { NOTES_HEADING } from './notes.js';
import { PART_LABEL, tocKey, type TocEntry } from './toc.js';

const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s+\S/;

/** Decides which blocks are headings (and their level) and which short lines are captions. */
export function classifyBlocks(blocks: SourceBlock[], toc: TocEntry[], warnings: Warning[]): SourceBlock[] {
  if (toc.length) return classifyByToc(blocks, toc, warnings);
  const hasMarkup = blocks.some((b) => b.kind === 'heading');
  const sizeLevels = headingSizeLevels(blocks);
  const out = blocks.map((b, i) => {
    if (b.kind) return b;
    if (isCaptionLine(b.text)) return { ...b, kind: 'caption' as const };
    if (hasMarkup || !looksLikeHeading(blocks, i)) return b;
    return { ...b, kind: 'heading' as const, level: headingLevel(b, sizeLevels) };
  });
  const partsPresent = out.some((b) => b.kind === 'heading' && PART_LABEL.test(b.text));
  return partsPresent ? out.map(demoteUnderParts) : out;
}

// With "Chapter 1" style headings present, other unnumbered headings sit below them.
function demoteUnderParts(b: SourceBlock): SourceBlock {
  if (b.kind !== 'heading' || PART_LABEL.test(b.text) || NUMBERED.test(b.text) || (b.relativeSize ?? 1) > 1.05)
    return b;
  return { ...b, level: Math.max(2, b.level ?? 1) };
}

function looksLikeHeading(blocks: SourceBlock[], i: number): boolean {
  const b = blocks[i]!;
  if (!isTitleLike(b.text) || wordCount(b.text) > 14 || b.text.length > 120 || /[.;,:]$/.test(b.text)) return false;
  // A line ending in a word broken by a hyphen is the start of a paragraph cut by a page break.
  if (/\p{L}-$/u.test(b.text)) return false;
  if (isPersonName(b.text) && (b.relativeSize ?? 1) <= 1.05) return false;
  // A heading stands over text: the next block is a paragraph, or another heading over one.
  for (let k = i + 1; k < Math.min(blocks.length, i + 3); k++) {
    const n = blocks[k]!;
    if (n.kind === 'caption' || isCaptionLine(n.text)) continue;
    if (n.text.length >= 120 || endsSentence(n.text)) return true;
    if (!isTitleLike(n.text)) return false;
  }
  return false;
}

// PDF headings: distinct larger font sizes, biggest first, give levels 1, 2, 3.
function headingSizeLevels(blocks: SourceBlock[]): number[] {
  const sizes = blocks.map((b) => Math.round((b.relativeSize ?? 1) * 20) / 20).filter((s) => s > 1.05);
  return [...new Set(sizes)].sort((a, b) => b - a);
}

function headingLevel(b: SourceBlock, sizeLevels: number[]): number {
  const numbered = NUMBERED.exec(b.text)?.[1];
  if (numbered) return Math.min(6, numbered.split('.').length);
  if (PART_LABEL.test(b.text)) return 1;
  const size = Math.round((b.relativeSize ?? 1) * 20) / 20;
  const rank = sizeLevels.indexOf(size);
  return rank >= 0 ? Math.min(6, rank + 1) : sizeLevels.length ? Math.min(6, sizeLevels.length + 1) : 1;
}

/**
 * Contents entries are matched to body lines in order (a heading printed twice in the contents,
 * such as a repeated "Conclusion", is matched twice). Other short unpunctuated lines in a
 * document with contents are left-over figure titles and credits: captions.
 */
function classifyByToc(blocks: SourceBlock[], toc: TocEntry[], warnings: Warning[]): SourceBlock[] {
  let next = 0;
  let captions = 0;
  const out = blocks.map((b) => {
    if (b.text.length <= 200 && next < toc.length) {
      const key = tocKey(b.text);
      for (let k = next; k < Math.min(toc.length, next + 4); k++) {
        if (tocKey(toc[k]!.text) === key) {
          next = k + 1;
          return { ...b, kind: 'heading' as const, level: toc[k]!.level };
        }
      }
    }
    if (b.kind) return b;
    if (isCaptionLine(b.text) || (b.text.length <= 100 && !endsSentence(b.text) && wordCount(b.text) <= 12)) {
      captions++;
      return { ...b, kind: 'caption' as const };
    }
    return b;
  });
  // The notes section's own entry has no heading left in the text: the notes were taken out.
  const missing = toc.slice(next).filter((e) => !NOTES_HEADING.test(e.text)).length;
  if (missing)
    warnings.push({
      code: 'TOC_MISMATCH',
      message: `${missing} table-of-contents entries were not found as headings in the text.`,
    });
  if (captions)
    warnings.push({
      code: 'CAPTIONS_KEPT',
      message: `${captions} short line(s) that look like figure titles or credits (figures removed) were kept as captions.`,
    });
  return out;
}
