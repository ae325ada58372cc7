import { Node, mergeAttributes } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { citationOf, type DerivedCitation } from './node-attrs.js';
import { safeHref } from './safe-url.js';
import type { CitationAttrs, PassageSelector } from './selectors.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Puts a citation of a reading's passage at the cursor ("Quote in note"). */
      insertCitation: (attrs: CitationAttrs, quote: string) => ReturnType;
    };
  }
}

function parseSelector(raw: string | null): PassageSelector | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PassageSelector;
  } catch {
    return null;
  }
}

export interface CitationOptions {
  /** Where "Open in reading" goes for a citation; null shows no link. */
  readingUrl: (citation: DerivedCitation) => string | null;
}

/**
 * The reader opened on the cited passage, in the course of the page the editor is on (the web app
 * edits notes under `/courses/:courseId/...`). The version lets the reader find the passage again
 * if the reading has changed since it was quoted. No link where there is no such page (the server).
 */
export function readerOnThisPage(citation: DerivedCitation): string | null {
  // Typed by hand: the server compiles this package without the DOM's types.
  const page = (globalThis as { location?: { pathname: string } }).location;
  const course = /^\/courses\/[^/]+/.exec(page?.pathname ?? '')?.[0];
  if (!course) return null;
  const reader = `${course}/readings/${encodeURIComponent(citation.readingId)}`;
  const position = citation.selector?.position;
  if (!position) return reader;
  const version = citation.readingVersion ? `&version=${citation.readingVersion}` : '';
  return `${reader}?passage=${position.start}-${position.end}${version}`;
}

const LINK = 'a[data-citation-link]';

/**
 * A block holding words quoted from a reading, with the selector that finds the passage again.
 * Its text is plain (no marks): it is a quotation, not the writer's prose. Below the words, out
 * of the editable text, it names the reading and links to the passage in the reader.
 */
export const Citation = Node.create<CitationOptions>({
  name: 'citation',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      readingId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-reading-id'),
        renderHTML: (attrs) => ({ 'data-reading-id': attrs.readingId as string }),
      },
      readingVersion: {
        default: null,
        parseHTML: (el) => Number(el.getAttribute('data-reading-version')) || null,
        renderHTML: (attrs) => ({ 'data-reading-version': attrs.readingVersion as number }),
      },
      readingTitle: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-reading-title') ?? '',
        renderHTML: (attrs) => ({ 'data-reading-title': attrs.readingTitle as string }),
      },
      selector: {
        default: null,
        parseHTML: (el) => parseSelector(el.getAttribute('data-selector')),
        renderHTML: (attrs) => ({ 'data-selector': JSON.stringify(attrs.selector) }),
      },
    };
  },

  addOptions() {
    return { readingUrl: readerOnThisPage };
  },

  parseHTML() {
    // Above the plain blockquote's rule, so a pasted citation stays a citation.
    const priority = 60;
    const quote = '[data-citation-quote]';
    return [
      // As rendered below: the quoted words only, not the reading's title and link after them.
      {
        tag: 'blockquote[data-citation]',
        priority,
        contentElement: quote,
        getAttrs: (el) => (el.querySelector(quote) ? null : false),
      },
      { tag: 'blockquote[data-citation]', priority },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const citation = citationOf(node);
    const href = citation ? safeHref(this.options.readingUrl(citation)) : undefined;
    const source: DOMOutputSpec[] = [];
    if (citation?.readingTitle) source.push(['cite', citation.readingTitle]);
    if (href) source.push(['a', { href, 'data-citation-link': '' }, 'Open in reading']);
    return [
      'blockquote',
      mergeAttributes(HTMLAttributes, { 'data-citation': '' }),
      ['p', { 'data-citation-quote': '' }, 0],
      ...(source.length ? [['footer', { contenteditable: 'false', 'data-citation-source': '' }, ...source]] : []),
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          // The link is followed as any link is: the editor does not take the press for its own.
          handleDOMEvents: {
            mousedown: (_, event) =>
              Boolean((event.target as { closest?: (selector: string) => unknown } | null)?.closest?.(LINK)),
          },
        },
      }),
    ];
  },

  addCommands() {
    return {
      insertCitation:
        (attrs, quote) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs, content: quote ? [{ type: 'text', text: quote }] : [] }),
    };
  },
});
