export type ReadingErrorCode =
  | 'EMPTY_FILE'
  | 'UNSUPPORTED_TYPE'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'TOO_MANY_PAGES'
  | 'CORRUPT_DOCX'
  | 'ZIP_BOMB'
  | 'FILE_TOO_LARGE'
  | 'INVALID_UTF8'
  | 'NO_TEXT'
  | 'TOO_COMPLEX';

/** Thrown for input the importer refuses; `message` is written for the person who uploaded it. */
export class ReadingImportError extends Error {
  readonly code: ReadingErrorCode;
  constructor(code: ReadingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadingImportError';
    this.code = code;
  }
}
