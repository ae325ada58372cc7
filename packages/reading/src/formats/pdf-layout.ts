import { brokenWord, endsSentence, runningHeadKey } from '../recover/text-shape.js';
import type { Note, SourceBlock } from '../types.js';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PageText {
  width: number;
  height: number;
  items: TextItem[];
}

export interface Line {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** Which column the line sits in (0 for single-column pages and full-width lines). */
  column: number;
}

const NOTE_CALL = /^(?:\d{1,3}|[ivx]{1,5}|\*{1,3}|[†‡§])$/;

/**
 * Groups a page's text runs into lines in reading order. Two-column pages are read column by
 * column; lines crossing the gutter (a title block, a heading or figure caption spanning both
 * columns) cut the page into bands, each read left column first, then right.
 * Raised, smaller runs that look like note calls become "[n]" markers.
 */
export function buildLines(page: PageText, bodySize: number): Line[] {
  const gutter = findGutter(page);
  const groups: TextItem[][] = gutter === null ? [page.items] : splitColumns(page.items, gutter);
  const lines: Line[] = [];
  groups.forEach((items, g) => {
    const column = gutter === null ? 0 : g === 1 ? 1 : g === 2 ? 2 : 0;
    for (const l of groupLines(items, bodySize)) lines.push({ ...l, column });
  });
  if (gutter === null) return lines;
  const spanning = lines.filter((l) => l.column === 0);
  let rest = lines.filter((l) => l.column > 0);
  const ordered: Line[] = [];
  const band = (above: (l: Line) => boolean) => {
    const inBand = rest.filter(above);
    rest = rest.filter((l) => !above(l));
    ordered.push(...inBand.filter((l) => l.column === 1), ...inBand.filter((l) => l.column === 2));
  };
  for (const line of spanning) {
    band((l) => l.y > line.y);
    ordered.push(line);
  }
  band(() => true);
  return ordered;
}

// A vertical band in the middle of the page that almost no text run crosses, with text on both sides.
function findGutter(page: PageText): number | null {
  const w = Math.ceil(page.width);
  if (page.items.length < 8) return null;
  const cover = new Uint16Array(w + 1);
  for (const it of page.items)
    for (let x = Math.max(0, Math.floor(it.x)); x <= Math.min(w, Math.ceil(it.x + it.width)); x++) cover[x]!++;
  let best: { start: number; len: number } | null = null;
  let start = -1;
  // Full-width lines cross the gutter: a title block above the columns, a caption below them.
  const limit = Math.max(2, page.items.length * 0.15);
  for (let x = Math.floor(w * 0.3); x <= Math.ceil(w * 0.7); x++) {
    if (cover[x]! <= limit) {
      if (start < 0) start = x;
      const len = x - start + 1;
      if (!best || len > best.len) best = { start, len };
    } else start = -1;
  }
  if (!best || best.len < 8) return null;
  const mid = best.start + best.len / 2;
  const left = page.items.filter((it) => it.x + it.width <= mid).length;
  const right = page.items.filter((it) => it.x >= mid).length;
  return left > page.items.length * 0.2 && right > page.items.length * 0.2 ? mid : null;
}

function splitColumns(items: TextItem[], gutter: number): TextItem[][] {
  const full: TextItem[] = [];
  const left: TextItem[] = [];
  const right: TextItem[] = [];
  for (const it of items) (it.x + it.width <= gutter + 1 ? left : it.x >= gutter - 1 ? right : full).push(it);
  const heads = [columnHead(left, gutter), columnHead(right, gutter)];
  // A head cell that shares its row with the other side or a full-width line is part of a block
  // set across the page (authors side by side under the title), read before the columns.
  const acrossPage = (it: TextItem, others: TextItem[]) =>
    [...others, ...full].some((o) => Math.abs(o.y - it.y) < Math.min(o.size, it.size) * 0.3);
  const moved = new Set([
    ...heads[0]!.filter((it) => acrossPage(it, heads[1]!)),
    ...heads[1]!.filter((it) => acrossPage(it, heads[0]!)),
  ]);
  return [[...full, ...moved], left.filter((it) => !moved.has(it)), right.filter((it) => !moved.has(it))];
}

/**
 * The short runs at the top of a column standing above a wide blank before the column's text: a
 * name and affiliation of an author block, not the column's first lines.
 */
function columnHead(items: TextItem[], gutter: number): TextItem[] {
  const sorted = [...items].sort((a, b) => b.y - a.y);
  for (let i = 1; i < Math.min(sorted.length, 12); i++) {
    const above = sorted[i - 1]!;
    const head = sorted.slice(0, i);
    if (head.some((it) => it.width > gutter * 0.5)) return [];
    if (above.y - sorted[i]!.y > Math.max(above.size, sorted[i]!.size) * 3) return head;
  }
  return [];
}

function groupLines(items: TextItem[], bodySize: number): Omit<Line, 'column'>[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const it of sorted) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) < Math.min(r[0]!.size, it.size) * 0.3);
    if (row) row.push(it);
    else rows.push([it]);
  }
  // A row of small runs just above a row of larger type is that row's superscripts: note calls
  // in the text, or the raised numbers of footnotes set in small type.
  const merged: TextItem[][] = [];
  for (const row of rows) {
    const largest = Math.max(...row.map((it) => it.size));
    const host =
      largest < bodySize * 0.85
        ? rows.find(
            (r) =>
              r !== row &&
              largest < r[0]!.size * 0.85 &&
              row[0]!.y - r[0]!.y > 0 &&
              row[0]!.y - r[0]!.y < r[0]!.size * 0.7,
          )
        : undefined;
    if (host) host.push(...row);
    else merged.push(row);
  }
  return merged
    .filter((r) => r.length)
    .flatMap((row) => splitCells(row).map(toLine))
    .sort((a, b) => b.y - a.y);
}

/** Runs of a row far apart (names set side by side, cells of a table) are read as separate lines. */
function splitCells(row: TextItem[]): TextItem[][] {
  const items = [...row].sort((a, b) => a.x - b.x);
  const cells: TextItem[][] = [];
  let end = -Infinity;
  for (const it of items) {
    if (it.x - end > it.size * 3 || !cells.length) cells.push([it]);
    else cells[cells.length - 1]!.push(it);
    end = Math.max(end, it.x + it.width);
  }
  return cells;
}

function toLine(row: TextItem[]): Omit<Line, 'column'> {
  const items = [...row].sort((a, b) => a.x - b.x);
  const size = Math.max(...items.map((i) => i.size));
  const base = items.find((i) => i.size === size)!.y;
  let text = '';
  let end = -Infinity;
  for (const it of items) {
    const raised = it.size < size * 0.85 && it.y - base > size * 0.15;
    const s = raised && NOTE_CALL.test(it.str.trim()) ? `[${it.str.trim().toLowerCase()}]` : it.str;
    const gap = it.x - end;
    if (text && gap > size * 0.2 && !text.endsWith(' ') && !s.startsWith(' ') && !raised) text += ' ';
    text += s;
    end = it.x + it.width;
  }
  return { text: text.replace(/\s+/g, ' ').trim(), x: items[0]!.x, right: end, y: base, size };
}

/** Share of the page height at the top and at the bottom where running heads, feet and page numbers stand. */
const MARGIN_BAND = 0.08;

export const inMarginBand = (l: Line, page: PageText): boolean =>
  l.y < page.height * MARGIN_BAND || l.y > page.height * (1 - MARGIN_BAND);

const PAGE_NUMBER = /^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const FOOTNOTE_START = /^(?:\[(\d{1,3}|[ivx]{1,5}|\*{1,3})\]|(\d{1,3})(?=[\s.)]))\s*[.)]?\s*/i;

/**
 * Turns a page's lines into blocks. Margin lines repeated across pages and page numbers go;
 * small-type lines at the foot of the page that start with a number are footnotes.
 */
export function layoutPage(
  page: PageText,
  lines: Line[],
  bodySize: number,
  repeated: Set<string>,
): { blocks: SourceBlock[]; notes: Note[]; droppedMargins: number } {
  let dropped = 0;
  const body = lines.filter((l) => {
    if (inMarginBand(l, page) && (repeated.has(runningHeadKey(l.text)) || PAGE_NUMBER.test(l.text))) {
      dropped++;
      return false;
    }
    return true;
  });
  const notes: Note[] = [];
  const noteLines = footnoteLines(body, page, bodySize);
  for (const l of noteLines) {
    const m = FOOTNOTE_START.exec(l.text);
    if (m) notes.push({ label: (m[1] ?? m[2]!).toLowerCase(), text: l.text.slice(m[0].length).trim() });
    else if (notes.length) notes[notes.length - 1]!.text = joinText(notes[notes.length - 1]!.text, l.text);
  }
  const text = body.filter((l) => !noteLines.has(l));
  return { blocks: paragraphs(text, bodySize), notes, droppedMargins: dropped };
}

/**
 * Footnotes: the small-type run that ends the page, and on a two-column page the one that ends a
 * column low on the page, where a paper sets the notes of the left column under it.
 */
function footnoteLines(lines: Line[], page: PageText, bodySize: number): Set<Line> {
  const found = new Set<Line>();
  let start = 0;
  for (let end = 1; end <= lines.length; end++) {
    if (end < lines.length && lines[end]!.column === lines[start]!.column) continue;
    const zone = start + footnoteZone(lines.slice(start, end), bodySize);
    const pageFoot = end === lines.length || (lines[zone]?.y ?? 0) < page.height * FOOT_SHARE;
    if (zone < end && pageFoot) for (const l of lines.slice(zone, end)) found.add(l);
    start = end;
  }
  return found;
}

// The lower share of the page where a column's notes stand.
const FOOT_SHARE = 0.4;

// The trailing run of small-type lines whose first line starts with a label.
function footnoteZone(lines: Line[], bodySize: number): number {
  let i = lines.length;
  while (i > 0 && lines[i - 1]!.size < bodySize * 0.92) i--;
  while (i < lines.length && !FOOTNOTE_START.test(lines[i]!.text)) i++;
  return i;
}

function paragraphs(lines: Line[], bodySize: number): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const spacing = lineSpacing(lines);
  const starts = commonStarts(lines);
  let current = null as { block: SourceBlock; last: Line } | null;
  let colLeft = Infinity;
  let colRight = -Infinity;
  for (const l of lines) {
    colLeft = Math.min(colLeft, l.x);
    colRight = Math.max(colRight, l.right);
  }
  const headingLine = headingLineTest(lines);
  for (const l of lines) {
    const prev: Line | undefined = current?.last;
    const width = colRight - colLeft;
    // A title or heading in large type runs over lines spaced by its own size, whatever it ends with.
    const display = prev && l.size > bodySize * 1.15 && Math.abs(prev.size - l.size) < 0.5;
    const breaks =
      !prev ||
      prev.column !== l.column ||
      Math.abs(prev.size - l.size) > bodySize * 0.1 ||
      Math.abs(prev.y - l.y) < l.size * 0.3 ||
      (display ? prev.y - l.y > l.size * 1.6 : prev.y - l.y > spacing * 1.45) ||
      prev.y < l.y ||
      (!display && prev.right < colLeft + width * 0.75 && /[.!?:"”]$/.test(prev.text)) ||
      // A section heading set at the body size, with no space around it, is a line of its own.
      (headingLine(l) && endsSentence(prev.text)) ||
      (headingLine(prev) && current!.block.text === prev.text && /^\p{Lu}/u.test(l.text)) ||
      (!display &&
        l.x - colLeft > l.size * 1.2 &&
        prev.right > colLeft + width * 0.85 &&
        l.column === prev.column &&
        width > 0 &&
        l.x - starts.get(l.column)! > l.size);
    if (breaks) {
      current = { block: { text: l.text, relativeSize: l.size / bodySize }, last: l };
      blocks.push(current.block);
    } else {
      current!.block.text = joinText(current!.block.text, l.text);
      current!.last = l;
    }
  }
  return blocks;
}

/**
 * A line that reads as a section heading: well short of its column's width, capitalised like a
 * title ("3 From Tides to Salaries", "Methods"), with no punctuation at its end.
 */
function headingLineTest(lines: Line[]): (l: Line) => boolean {
  const extent = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    const e = extent.get(l.column) ?? { left: Infinity, right: -Infinity };
    extent.set(l.column, { left: Math.min(e.left, l.x), right: Math.max(e.right, l.right) });
  }
  return (l) => {
    const e = extent.get(l.column)!;
    const words = l.text.split(' ');
    return (
      l.right < e.left + (e.right - e.left) * 0.6 &&
      words.length <= 12 &&
      !/[.,;:!?\-\]]$/.test(l.text) &&
      words.every((w) => w.length < 4 || /^[\p{Lu}\d]/u.test(w))
    );
  };
}

// Where most lines of each column start: a line starting further right has a first-line indent.
function commonStarts(lines: Line[]): Map<number, number> {
  const starts = new Map<number, number[]>();
  for (const l of lines) {
    const xs = starts.get(l.column) ?? [];
    xs.push(Math.round(l.x));
    starts.set(l.column, xs);
  }
  return new Map([...starts].map(([column, xs]) => [column, mode(xs)]));
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

// Line spacing of the body: a low quantile of the gaps, since paragraph and heading gaps are
// wider and, on a short page, can be nearly as many as the ordinary line gaps.
function lineSpacing(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1]!.y - lines[i]!.y;
    if (g > 0 && lines[i - 1]!.column === lines[i]!.column) gaps.push(g);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)] ?? 14;
}

/** Joins two lines, undoing an end-of-line hyphen when the next line continues the word. */
function joinText(a: string, b: string): string {
  return brokenWord(a, b) ? a.slice(0, -1) + b : `${a} ${b}`;
}
