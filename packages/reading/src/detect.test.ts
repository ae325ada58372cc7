import { describe, expect, it } from 'vitest';
import { docxWithFootnotes } from '../test-fixtures/docx-builder.js';
import { pdfFromRuns } from '../test-fixtures/pdf-builder.js';
import { detectFormat } from './detect.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('format detection reads the content, not the name', () => {
  it('recognises PDF and DOCX by their bytes', async () => {
    expect(detectFormat(await pdfFromRuns([[{ text: 'A page', x: 72, y: 700, size: 12 }]]))).toBe('pdf');
    expect(detectFormat(await docxWithFootnotes())).toBe('docx');
  });

  it('tells HTML, Markdown and plain text apart', () => {
    expect(detectFormat(enc('<!DOCTYPE html><html><body><p>Hi</p></body></html>'))).toBe('html');
    expect(detectFormat(enc('# Title\n\nSome *text*.'))).toBe('markdown');
    expect(detectFormat(enc('Title\n\nPrice: \\$5 and a - dash list\n- item'))).toBe('text');
  });
});
