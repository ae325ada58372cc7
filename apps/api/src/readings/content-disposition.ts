import type { FastifyReply } from 'fastify';

/**
 * `Content-Disposition: attachment` for a stored file name: a plain-ASCII `filename` for old
 * clients and the exact name in `filename*` (RFC 6266 / RFC 8187), so no quote, backslash,
 * semicolon or line break in a name can break out of the header.
 */
export function attachment(filename: string): string {
  // eslint-disable-next-line no-control-regex
  const name = filename.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'reading';
  const ascii = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\;%]/g, '_')
    .trim();
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(ascii)?.[0] ?? '';
  // A name written wholly in another script keeps at least its extension.
  const plain = /[A-Za-z0-9]/.test(ascii.slice(0, ascii.length - extension.length)) ? ascii : `reading${extension}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/** Headers that make the response a private download of `filename`, never sniffed as something else. */
export function download(reply: FastifyReply, mediaType: string, filename: string): void {
  void reply
    .header('content-type', mediaType)
    .header('content-disposition', attachment(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
}

/** A stored original as a download: never rendered by the browser on our origin. */
export function asDownload(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; data: Uint8Array },
): Buffer {
  void reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachment(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store');
  return Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
}
