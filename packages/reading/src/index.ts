import { createHash } from 'node:crypto';
import { decodeText } from './decode.js';
import { detectFormat } from './detect.js';
import { ReadingImportError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';
import { recoverStructure } from './recover/index.js';
import type { ImportInput, ImportOptions, Progress, ReadingDocument, SourceDoc, Warning } from './types.js';

export type { Block, BlockType, ImportInput, ImportOptions, Note, NoteRef, ReadingDocument, Warning } from './types.js';
export { ReadingImportError, type ReadingErrorCode } from './errors.js';
export * from './limits.js';
export { detectFormat, type DetectedFormat } from './detect.js';
export { IMPORT_STAGES, type ImportStage } from './stages.js';

/**
 * Imports one source (PDF, DOCX, HTML, Markdown or plain text, as bytes or pasted text) into the
 * reading JSON. The format is read from the content; `filename` and `mediaType` only word errors.
 */
export async function importReading(input: ImportInput, opts: ImportOptions = {}): Promise<ReadingDocument> {
  const report = progressReporter(opts.onProgress);
  const bytes = typeof input.data === 'string' ? new TextEncoder().encode(input.data) : input.data;
  const name = input.filename ? `"${input.filename}"` : 'This file';
  if (bytes.length === 0 || (typeof input.data === 'string' && !input.data.trim())) {
    throw new ReadingImportError('EMPTY_FILE', `${name} is empty.`);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ReadingImportError('FILE_TOO_LARGE', `${name} is larger than ${MAX_INPUT_BYTES >> 20} MB.`);
  }
  report(0, 'detect');
  const format = typeof input.data === 'string' ? 'text-or-markdown' : detectFormat(bytes);
  // Reading a PDF page by page is most of its import; for the other formats the structure passes weigh more.
  const readShare = format === 'pdf' ? 0.85 : format === 'docx' ? 0.6 : 0.4;
  try {
    const doc = await parse(format, bytes, input, name, (f) => report(0.02 + (readShare - 0.02) * f, 'read'));
    // Refusals belong to the reading stage, before any structure work (callers rely on it).
    if (!doc.blocks.some((b) => b.text.trim()))
      throw new ReadingImportError(
        'NO_TEXT',
        `${name} contains no text to import. If it is a scan, run it through OCR first.`,
      );
    const result = await recoverStructure(doc, (f, stage) => report(readShare + (1 - readShare) * f, stage));
    report(1, 'done');
    return result;
  } catch (err) {
    // Input nested deeper than the parsers' recursion allows is refused like any other bad file.
    if (err instanceof RangeError && /call stack/i.test(err.message))
      throw new ReadingImportError('TOO_COMPLEX', `${name} is nested too deeply to be read.`, { cause: err });
    throw err;
  }
}

/**
 * Wraps the caller's progress callback so that it only ever sees fractions from 0 to 1 that never
 * go back, and no repeated report.
 */
function progressReporter(onProgress: ImportOptions['onProgress']): Progress {
  let last = -1;
  let lastStage = '';
  return (fraction, stage) => {
    const f = Math.min(1, Math.max(last, fraction));
    if (f === last && stage === lastStage) return;
    last = f;
    lastStage = stage;
    onProgress?.(f, stage);
  };
}

/**
 * Loads every format's parser ahead of need (pdf.js is most of it), for a process kept warm to
 * run imports, so that each one starts at once. Imports work without it.
 */
export async function preloadParsers(): Promise<void> {
  await Promise.all([
    import('./formats/pdf.js').then((pdf) => pdf.preloadPdfJs()),
    import('./formats/docx.js'),
    import('./formats/html.js'),
    import('./formats/markdown.js'),
    import('./formats/text.js'),
  ]);
}

async function parse(
  format: ReturnType<typeof detectFormat> | 'text-or-markdown',
  bytes: Uint8Array,
  input: ImportInput,
  name: string,
  progress: (fraction: number) => void,
): Promise<SourceDoc> {
  const claimsPdf = /\.pdf$/i.test(input.filename ?? '') || input.mediaType === 'application/pdf';
  const claimsDocx = /\.docx$/i.test(input.filename ?? '') || /wordprocessingml/.test(input.mediaType ?? '');
  switch (format) {
    case 'pdf':
      return (await import('./formats/pdf.js')).parsePdf(bytes, progress);
    case 'docx':
      return (await import('./formats/docx.js')).parseDocx(bytes, progress);
    case 'zip':
      throw new ReadingImportError(
        claimsDocx ? 'CORRUPT_DOCX' : 'UNSUPPORTED_TYPE',
        claimsDocx
          ? `${name} is a zip archive but not a Word document (word/document.xml is missing).`
          : `${name} is a zip archive, not a document we can import.`,
      );
    case 'binary':
      throw new ReadingImportError(
        claimsPdf ? 'CORRUPT_PDF' : claimsDocx ? 'CORRUPT_DOCX' : 'UNSUPPORTED_TYPE',
        claimsPdf || claimsDocx
          ? `${name} is named like a ${claimsPdf ? 'PDF' : 'Word document'} but its content is not one.`
          : `${name} is not a format we can import (PDF, Word .docx, HTML, Markdown or plain text).`,
      );
    default: {
      const warnings: Warning[] = [];
      const text = typeof input.data === 'string' ? input.data : decodeText(bytes, warnings);
      if (claimsPdf || claimsDocx) {
        throw new ReadingImportError(
          claimsPdf ? 'CORRUPT_PDF' : 'CORRUPT_DOCX',
          `${name} is named like a ${claimsPdf ? 'PDF' : 'Word document'} but contains plain text. Rename it or upload the real file.`,
        );
      }
      progress(0.2);
      const kind = format === 'text-or-markdown' ? sniffText(text) : format;
      const doc =
        kind === 'html'
          ? await (await import('./formats/html.js')).parseHtml(text, progress)
          : kind === 'markdown'
            ? (await import('./formats/markdown.js')).parseMarkdown(text)
            : (await import('./formats/text.js')).parseText(text);
      doc.warnings.unshift(...warnings);
      progress(1);
      return doc;
    }
  }
}

function sniffText(text: string): 'html' | 'markdown' | 'text' {
  const f = detectFormat(new TextEncoder().encode(text.slice(0, 65536)));
  return f === 'html' || f === 'markdown' ? f : 'text';
}

export interface CanonicalText {
  text: string;
  blocks: Array<{ index: number; start: number; end: number }>;
  hash: string;
}

/** The text annotations anchor to: block texts joined by blank lines, with each block's span. */
export function canonicalText(doc: Pick<ReadingDocument, 'blocks'>): CanonicalText {
  const spans: CanonicalText['blocks'] = [];
  let text = '';
  doc.blocks.forEach((b, index) => {
    if (index > 0) text += '\n\n';
    spans.push({ index, start: text.length, end: text.length + b.text.length });
    text += b.text;
  });
  return { text, blocks: spans, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
}
