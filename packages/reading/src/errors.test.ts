import { describe, expect, it } from 'vitest';
import {
  docxZipBomb,
  encryptedPdf,
  pdfWithoutText,
  plainZip,
  truncatedDocx,
  truncatedPdf,
} from '../test-fixtures/bad-inputs.js';
import { importReading, ReadingImportError, type ReadingErrorCode } from './index.js';

async function failure(
  input: Parameters<typeof importReading>[0],
): Promise<{ code: ReadingErrorCode; message: string }> {
  try {
    await importReading(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ReadingImportError);
    const e = err as ReadingImportError;
    expect(e.message.length).toBeGreaterThan(10);
    return { code: e.code, message: e.message };
  }
  throw new Error('import did not fail');
}

describe('bad input is refused with a code and a readable message', () => {
  it('empty file and blank pasted text', async () => {
    expect((await failure({ data: new Uint8Array(), filename: 'a.txt' })).code).toBe('EMPTY_FILE');
    expect((await failure({ data: '   \n\n ' })).code).toBe('EMPTY_FILE');
  });

  it('binary garbage', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const f = await failure({ data: bytes, filename: 'notes.bin' });
    expect(f.code).toBe('UNSUPPORTED_TYPE');
  });

  it('a text file named .pdf', async () => {
    const f = await failure({
      data: new TextEncoder().encode('Just some notes, not a PDF at all.'),
      filename: 'reading.pdf',
    });
    expect(f).toMatchObject({ code: 'CORRUPT_PDF' });
    expect(f.message).toContain('reading.pdf');
  });

  it('a password-protected PDF', async () => {
    expect((await failure({ data: encryptedPdf() })).code).toBe('ENCRYPTED_PDF');
  });

  it('a damaged PDF', async () => {
    expect((await failure({ data: truncatedPdf() })).code).toBe('CORRUPT_PDF');
  });

  it('a PDF with no text layer', async () => {
    const f = await failure({ data: await pdfWithoutText() });
    expect(f.code).toBe('NO_TEXT');
    expect(f.message).toMatch(/OCR/);
  });

  it('a .docx zip bomb is refused before it is inflated', async () => {
    expect((await failure({ data: docxZipBomb(), filename: 'bomb.docx' })).code).toBe('ZIP_BOMB');
  });

  it('a damaged .docx and a zip that is not a Word document', async () => {
    expect((await failure({ data: truncatedDocx(), filename: 'x.docx' })).code).toBe('CORRUPT_DOCX');
    expect((await failure({ data: plainZip() })).code).toBe('UNSUPPORTED_TYPE');
  });

  it('text that is not UTF-8 is refused', async () => {
    const latin1 = Uint8Array.from(
      'Café crème, déjà vu, façade, naïve, élève, où, été, père, fenêtre, Noël, rôle, Zoë, août, ça, garçon, voilà.',
      (c) => c.charCodeAt(0),
    );
    expect((await failure({ data: latin1 })).code).toBe('INVALID_UTF8');
  });

  it('a few bad bytes in UTF-8 text are repaired with a warning instead', async () => {
    const good = new TextEncoder().encode(
      'A Short Note\n\nThe keeper wrote that the lamp burned all night and the oil lasted until dawn, as it had every night that winter.',
    );
    const bytes = new Uint8Array([...good.slice(0, 40), 0xff, ...good.slice(40)]);
    const doc = await importReading({ data: bytes });
    expect(doc.warnings.map((w) => w.code)).toContain('INVALID_UTF8_REPAIRED');
    expect(doc.blocks[0]!.text).toContain('\uFFFD');
  });
});
