import { ReadingImportError } from './errors.js';
import { MAX_REPAIRED_UTF8_ERRORS } from './limits.js';
import type { Warning } from './types.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Decodes text bytes. A handful of bad bytes (a truncated copy, one stray Latin-1 byte) are
 * replaced with U+FFFD and reported; more than that means the file is not UTF-8 text at all.
 */
export function decodeText(bytes: Uint8Array, warnings: Warning[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return strict.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const text = lenient.decode(bytes).replace(/^\uFEFF/, '');
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad > MAX_REPAIRED_UTF8_ERRORS) {
      throw new ReadingImportError(
        'INVALID_UTF8',
        `This file is not valid UTF-8 text (${bad} undecodable byte sequences). Save it as UTF-8 and upload it again.`,
      );
    }
    warnings.push({
      code: 'INVALID_UTF8_REPAIRED',
      message: `${bad} invalid UTF-8 byte sequence(s) were replaced with �; check the text around them.`,
    });
    return text;
  }
}
