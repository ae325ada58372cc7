/** Largest upload accepted, before any decoding. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
/** PDFs longer than this are refused rather than imported partially. */
export const MAX_PDF_PAGES = 500;
/** Sum of the uncompressed sizes of the parts of a .docx we are willing to inflate. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** A zip entry expanding more than this many times its compressed size is treated as a bomb. */
export const MAX_ZIP_COMPRESSION_RATIO = 200;
/** Invalid UTF-8 sequences repaired (with a warning) before the file is refused as not text. */
export const MAX_REPAIRED_UTF8_ERRORS = 16;
/** HTML elements nested deeper than this are refused: article extraction slows down steeply with depth. */
export const MAX_HTML_DEPTH = 256;
/** Markdown quotes or lists nested deeper than this are refused, for the same reason. */
export const MAX_MARKDOWN_NESTING = 50;
