import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadingImportError } from '../errors.js';
import { MAX_PDF_PAGES } from '../limits.js';
import type { Note, SourceBlock, SourceDoc, Warning } from '../types.js';
import { runningHeadKey } from '../recover/text-shape.js';
import { buildLines, inMarginBand, layoutPage, type Line, type PageText, type TextItem } from './pdf-layout.js';

/**
 * PDFs: pdf.js (legacy build, in-process, no worker) gives positioned text runs with font
 * sizes; pdf-layout.ts turns them into reading-order lines, paragraphs and page-foot notes.
 */
// pdf.js needs the metrics of the 14 standard fonts to place text drawn in them.
const standardFontDataUrl =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

// Reading the pages is nearly all of the work; laying them out is the rest.
const PAGES_SHARE = 0.95;

/**
 * Loads pdf.js and its worker code into this thread: pdf.js then runs its "worker" in-process from
 * what is loaded (globalThis.pdfjsWorker) instead of loading it at the first document.
 */
export async function preloadPdfJs(): Promise<void> {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  await import(PDFJS_WORKER_MODULE);
}
// Named apart because pdf.js ships no types for its worker module, imported for its effect only.
const PDFJS_WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export async function parsePdf(bytes: Uint8Array, progress: (fraction: number) => void): Promise<SourceDoc> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const warnings: Warning[] = [];
  let pdf: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    pdf = await pdfjs.getDocument({
      data: bytes.slice(),
      useSystemFonts: false,
      disableFontFace: true,
      standardFontDataUrl,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ReadingImportError(
        'ENCRYPTED_PDF',
        'This PDF is password-protected. Remove the password and upload it again.',
        { cause: err },
      );
    throw new ReadingImportError('CORRUPT_PDF', 'This PDF is damaged or is not a PDF; it could not be opened.', {
      cause: err,
    });
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ReadingImportError(
        'TOO_MANY_PAGES',
        `This PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}. Split it into parts.`,
      );
    }
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0);
        items.push({ str: it.str, x: e! - x0, y: f! - y0, width: it.width, size });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
      progress((n / pdf.numPages) * PAGES_SHARE);
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: string; Author?: string } | undefined;
    const { blocks, notes } = layoutDocument(pages, warnings);
    progress(1);
    if (!blocks.length)
      throw new ReadingImportError(
        'NO_TEXT',
        'This PDF contains no text layer (it is probably a scan). Run it through OCR first.',
      );
    const author = info?.Author?.trim();
    return {
      format: 'pdf',
      blocks,
      notes,
      meta: { title: info?.Title?.trim() || undefined, authors: author ? [author] : undefined },
      warnings,
    };
  } finally {
    await pdf.destroy();
  }
}

function layoutDocument(pages: PageText[], warnings: Warning[]): { blocks: SourceBlock[]; notes: Note[] } {
  const bodySize = dominantSize(pages);
  const lines = pages.map((p) => buildLines(p, bodySize));
  const repeated = repeatedMarginLines(pages, lines);
  const blocks: SourceBlock[] = [];
  const notes: Note[] = [];
  let margins = 0;
  pages.forEach((page, i) => {
    const laid = layoutPage(page, lines[i]!, bodySize, repeated);
    margins += laid.droppedMargins;
    if (laid.blocks[0]) laid.blocks[0].pageBreakBefore = i > 0;
    blocks.push(...laid.blocks);
    notes.push(...laid.notes);
  });
  if (margins)
    warnings.push({
      code: 'RUNNING_HEADERS_REMOVED',
      message: `Removed ${margins} running header, footer or page-number line(s).`,
    });
  if (notes.length)
    warnings.push({
      code: 'FOOTNOTES_FOUND',
      message: `${notes.length} footnote(s) were taken from the foot of the pages.`,
    });
  return { blocks, notes };
}

/** The body text size: the size carrying the most characters. */
function dominantSize(pages: PageText[]): number {
  const weight = new Map<number, number>();
  for (const p of pages)
    for (const it of p.items) {
      const size = Math.round(it.size * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + it.str.length);
    }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * Running heads and feet: lines in the top or bottom margin band that recur (numbers aside) on
 * many pages, or that repeat the first page's title or author, as heads alternating between
 * left and right pages do even when each is printed only once or twice.
 */
function repeatedMarginLines(pages: PageText[], lines: Line[][]): Set<string> {
  const firstPage = new Set(
    (lines[0] ?? [])
      .filter((l) => pages[0] && !inMarginBand(l, pages[0]) && l.text.length <= 80)
      .map((l) => runningHeadKey(l.text)),
  );
  const counts = new Map<string, number>();
  const heads = new Set<string>();
  for (const [i, p] of pages.entries()) {
    const seen = new Set<string>();
    for (const l of lines[i]!) {
      if (!inMarginBand(l, p)) continue;
      const k = runningHeadKey(l.text);
      if (i > 0 && firstPage.has(k)) heads.add(k);
      if (k && !seen.has(k)) {
        seen.add(k);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  const min = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const [k, n] of counts) if (n >= min) heads.add(k);
  return heads;
}
