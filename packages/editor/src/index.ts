export { Citation } from './citation.js';
export {
  deriveDocument,
  deriveFromCopy,
  deriveFromNode,
  type DerivedCitation,
  type DerivedDocument,
} from './derive.js';
export { editorExtensions, editorSchema } from './extensions.js';
export { MAX_DOCUMENT_BYTES, MAX_MESSAGE_BYTES } from './limits.js';
export { toMarkdown, type MarkdownOptions } from './markdown.js';
export { outlineDocument, type OutlineDocument, type OutlineHeading } from './outline.js';
export { safeHref } from './safe-url.js';
export type {
  CitationAttrs,
  PassageSelector,
  TextPositionSelector,
  TextQuoteSelector,
  WikiLinkAttrs,
} from './selectors.js';
export { WikiLink } from './wiki-link.js';
export {
  DOCUMENT_FRAGMENT,
  documentFromJSON,
  editDocument,
  readDocument,
  toDocumentNode,
  writeDocument,
} from './ydoc.js';
