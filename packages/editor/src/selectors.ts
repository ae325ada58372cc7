/**
 * The passage a citation points at, as W3C Web Annotation selectors over the reading's canonical
 * text: the quote with its context finds the passage again after the reading changes, the
 * position finds it fast while it has not.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface PassageSelector {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** What a citation block stores besides the quoted words it shows. */
export interface CitationAttrs {
  readingId: string;
  readingVersion: number;
  readingTitle: string;
  selector: PassageSelector;
}

export interface WikiLinkAttrs {
  title: string;
  /** The page the link resolved to when written; absent for a page still to be created. */
  pageId: string | null;
}
