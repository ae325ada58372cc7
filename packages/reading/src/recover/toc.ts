import type { SourceBlock, Warning } from '../types.js';
import { textKey } from './text-shape.js';

export interface TocEntry {
  text: string;
  level: number;
}

// "Chapter 2: Harbours........ 31", "Aims of the Survey\t13", "3.2 Results  . . . 17".
const ENTRY = /^(.{2,160}?)(?:\s*(?:\.\s?){2,}\s*|\s*\t\s*|\s*…+\s*)(\d{1,4}|[ivxlc]{1,7})$/i;
// Leaders make the pattern backtrack, so lines far longer than any contents entry are not tried.
const MAX_ENTRY_LENGTH = 240;
const isEntry = (s: string): boolean => s.length <= MAX_ENTRY_LENGTH && ENTRY.test(s);
const CONTENTS_LABEL = /^(?:table of )?contents$/i;
/** "Chapter 2", "Part IV", "Appendix A": the label of a document's top-level division. */
export const PART_LABEL = /^(?:chapter|part|book|appendix)\s+(?:\d+|[ivxlc]+|[a-z]+)\b/i;
const BACK_MATTER = /^(?:conclusions?|bibliography|references|works cited|appendix|afterword|epilogue|index)\b/i;
const FRONT_MATTER = /^(?:introduction|preface|foreword|prologue|abstract|acknowledge?ments?)\b/i;

/**
 * Finds a table of contents (a run of lines ending in page numbers), removes it from the text and
 * returns its entries: they say which later lines are headings, and at what level.
 */
export function extractToc(blocks: SourceBlock[], warnings: Warning[]): { blocks: SourceBlock[]; entries: TocEntry[] } {
  let start = -1;
  let end = -1;
  for (let i = 0; i < blocks.length; i++) {
    let j = i;
    while (j < blocks.length && isEntry(blocks[j]!.text)) j++;
    if (j - i >= 4) {
      start = i;
      end = j;
      break;
    }
  }
  if (start < 0) return { blocks, entries: [] };
  const labelled = start > 0 && CONTENTS_LABEL.test(blocks[start - 1]!.text.trim());
  const texts = blocks.slice(start, end).map((b) =>
    ENTRY.exec(b.text)![1]!
      .replace(/[\s.]+$/, '')
      .trim(),
  );
  const entries = levelEntries(texts);
  warnings.push({
    code: 'TABLE_OF_CONTENTS',
    message: `A table of contents with ${entries.length} entries was used to find the headings and left out of the text.`,
  });
  return { blocks: [...blocks.slice(0, labelled ? start - 1 : start), ...blocks.slice(end)], entries };
}

// Printed contents rarely keep their indentation in text, so levels come from the labels:
// numbered sections by depth, otherwise chapters (and the front and back matter around them)
// at level 1 and everything else one level below.
function levelEntries(texts: string[]): TocEntry[] {
  const numbered = texts.filter((t) => /^\d+(?:\.\d+)*\.?\s/.test(t)).length >= texts.length / 2;
  if (numbered)
    return texts.map((text) => ({
      text,
      level: Math.min(6, (/^(\d+(?:\.\d+)*)/.exec(text)?.[1] ?? '1').split('.').length),
    }));
  const parts = texts.map((t) => PART_LABEL.test(t));
  if (!parts.some(Boolean)) return texts.map((text) => ({ text, level: 1 }));
  const first = parts.indexOf(true);
  return texts.map((text, i) => {
    const top =
      parts[i] || (i < first && FRONT_MATTER.test(text)) || (i === texts.length - 1 && BACK_MATTER.test(text));
    return { text, level: top ? 1 : 2 };
  });
}

/** Key that matches a contents entry to the heading line it points at. */
export const tocKey = (s: string): string => textKey(s).replace(/[\s.]+\d*$/, '');
