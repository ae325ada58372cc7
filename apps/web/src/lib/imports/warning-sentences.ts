/**
 * What each importer warning code means, in a sentence an instructor reads: the codes are the
 * importer's own names (kept on the page as a data attribute for support and tests), not words.
 */
const SENTENCES: Record<string, string> = {
  ABOUT_BOX: 'An “about the author” box was kept as an about block.',
  APOSTROPHES_MISSING: 'Apostrophes seem to be missing from the text.',
  BOILERPLATE_REMOVED: 'Website or publisher boilerplate was removed.',
  CAPTIONS_KEPT: 'Figure titles or credits were kept as captions.',
  CORRUPT_PDF: 'The PDF is damaged and could not be read in full.',
  DATE_CONFLICT: 'The source gives more than one date.',
  DROP_CAP_REPAIRED: 'A large first letter was joined back to its word.',
  DUPLICATE_REMOVED: 'A repeated block was removed.',
  EMPTY_FILE: 'The file is empty.',
  ENCRYPTED_PDF: 'The PDF is locked and could not be read.',
  EXCERPT_ONLY: 'This source is only an excerpt of a longer text.',
  FILE_TOO_LARGE: 'The file is too large to import.',
  FOOTNOTES_FOUND: 'Footnotes were collected from the foot of the pages.',
  FRONT_MATTER_DROPPED: 'Lines between the title and the text were left out.',
  GARBLED_PUNCTUATION: 'Garbled punctuation was replaced.',
  HYPHENATION_JOINED: 'Words split across lines were joined again.',
  MARKDOWN_KEPT_PLAIN: 'Some Markdown marks were kept as plain text.',
  MARKDOWN_UNESCAPED: 'Escaped Markdown characters were restored.',
  MOJIBAKE_REPAIRED: 'Garbled characters from a wrong encoding were repaired.',
  NO_ARTICLE_FOUND: 'No article text was found on the page.',
  NO_TEXT: 'The source has no text that could be read.',
  NO_TITLE: 'No title was found; please enter one.',
  NOTE_MISSING: 'A note marker in the text has no note.',
  NOTE_REJOINED: 'Notes wrapped over two lines were joined again.',
  NOTE_UNREFERENCED: 'A note is not referred to anywhere in the text.',
  PAGE_NUMBERS_REMOVED: 'Page numbers were removed.',
  PARAGRAPHS_REJOINED: 'Paragraphs broken across pages were joined again.',
  RUNNING_HEADERS_REMOVED: 'Running headers and footers were removed.',
  TABLE_OF_CONTENTS: 'A table of contents was recognised and removed.',
  TEXT_BEFORE_TITLE: 'Some text stands before the title.',
  TOC_MISMATCH: 'Some table of contents entries were not found as headings.',
  TOO_MANY_PAGES: 'The source has more pages than can be imported.',
  UNREADABLE_CHARACTERS: 'Some characters could not be read.',
  UNSUPPORTED_TYPE: 'This kind of file cannot be imported.',
};

/** The sentence for a warning code; a code the importer adds later still reads as words. */
export function warningSentence(code: string): string {
  const known = SENTENCES[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}
