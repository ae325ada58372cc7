import { createHash } from 'node:crypto';
import { decodeText } from './decode.js';
import { detectFormat } from './detect.js';
import { ReadingImportError } from './errors.js';
import { MAX_INPUT_BYTES } from './limits.js';
import { recoverStructure } from './recover/index.js';
import type { ImportInput, ImportOptions, ReadingDocument, SourceDoc, Warning } from './types.js';

export type { Block, BlockType, ImportInput, ImportOptions, Note, NoteRef, ReadingDocument, Warning } from './types.js';
export { ReadingImportError, type ReadingErrorCode } from './errors.js';
export * from './limits.js';
export { detectFormat, type DetectedFormat } from './detect.js';

/**
 * Imports one source (PDF, DOCX, HTML, Markdown or plain text, as bytes or pasted text) into the
 * reading JSON. The format is read from the content; `filename` and `mediaType` only word errors.
 */
export async function importReading(input: ImportInput, opts: ImportOptions = {}): Promise<ReadingDocument> {
  const progress = opts.onProgress ?? (() => {});
  const bytes = typeof input.data === 'string' ? new TextEncoder().encode(input.data) : input.data;
  const name = input.filename ? `"${input.filename}"` : 'This file';
  if (bytes.length === 0 || (typeof input.data === 'string' && !input.data.trim())) {
    throw new ReadingImportError('EMPTY_FILE', `${name} is empty.`);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ReadingImportError('FILE_TOO_LARGE', `${name} is larger than ${MAX_INPUT_BYTES >> 20} MB.`);
  }
  progress(0, 'detect');
  const format = typeof input.data === 'string' ? 'text-or-markdown' : detectFormat(bytes);
  const doc = await parse(format, bytes, input, name, progress);
  progress(0.5, 'structure');
  const result = recoverStructure(doc, progress);
  progress(1, 'done');
  return result;
}

async function parse(
  format: ReturnType<typeof detectFormat> | 'text-or-markdown',
  bytes: Uint8Array,
  input: ImportInput,
  name: string,
  progress: (fraction: number, stage: string) => void,
): Promise<SourceDoc> {
  const claimsPdf = /\.pdf$/i.test(input.filename ?? '') || input.mediaType === 'application/pdf';
  const claimsDocx = /\.docx$/i.test(input.filename ?? '') || /wordprocessingml/.test(input.mediaType ?? '');
  switch (format) {
    case 'pdf':
      return (await import('./formats/pdf.js')).parsePdf(bytes, (f) => progress(f * 0.5, 'pdf'));
    case 'docx':
      return (await import('./formats/docx.js')).parseDocx(bytes);
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
      const kind = format === 'text-or-markdown' ? sniffText(text) : format;
      const doc =
        kind === 'html'
          ? (await import('./formats/html.js')).parseHtml(text)
          : kind === 'markdown'
            ? (await import('./formats/markdown.js')).parseMarkdown(text)
            : (await import('./formats/text.js')).parseText(text);
      doc.warnings.unshift(...warnings);
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
