export type DetectedFormat = 'pdf' | 'docx' | 'zip' | 'html' | 'markdown' | 'text' | 'binary';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/**
 * Sniffs the format from the content. The file name and declared media type are not trusted:
 * uploads are often renamed, and a wrong guess must fail loudly rather than import garbage.
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const head = bytes.subarray(0, 1024);
  // %PDF may follow a few junk bytes, which readers tolerate.
  if (asBuffer(head).includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // The part name stands in its local header and again in the central directory at the end,
    // so a damaged archive or one with large media stored first is still recognised.
    return asBuffer(bytes).includes('word/document.xml', 0, 'latin1') ? 'docx' : 'zip';
  }
  if (looksBinary(head)) return 'binary';
  const text = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    // An XHTML page may open with an XML declaration and comments before its doctype.
    .replace(/^(?:\s*(?:<\?xml[^>]{0,500}\?>|<!--[\s\S]{0,2000}?-->))+/i, '')
    .trimStart();
  if (
    /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) ||
    (/^<\w/.test(text) && /<\/(?:p|div|h[1-6]|article|body)>/i.test(text))
  )
    return 'html';
  return looksLikeMarkdown(new TextDecoder('utf-8').decode(bytes.subarray(0, 65536))) ? 'markdown' : 'text';
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

// Text has almost no control bytes besides tab/newline/CR/form feed; UTF-16 BOMs are text too.
function looksBinary(head: Uint8Array): boolean {
  if (!head.length) return false;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return false;
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) control++;
  return control > head.length * 0.02;
}

/** Markdown proper: ATX/setext headings or fenced code, not just a stray escape or bullet. */
function looksLikeMarkdown(text: string): boolean {
  const headings = (text.match(/^#{1,6}\s+\S/gm) ?? []).length;
  const setext = (text.match(/^\S.*\n(?:=+|-{3,})\s*$/gm) ?? []).length;
  const fences = (text.match(/^```/gm) ?? []).length;
  const links = (text.match(/\[[^\]\n]{1,300}\]\([^)\s]{1,2000}\)/g) ?? []).length;
  return headings >= 1 || setext >= 2 || fences >= 2 || links >= 3;
}
