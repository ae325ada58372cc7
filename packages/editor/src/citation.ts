import { Node, mergeAttributes } from '@tiptap/core';
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

/**
 * A block holding words quoted from a reading, with the selector that finds the passage again.
 * Its text is plain (no marks): it is a quotation, not the writer's prose.
 */
export const Citation = Node.create({
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

  parseHTML() {
    // Above the plain blockquote's rule, so a pasted citation stays a citation.
    return [{ tag: 'blockquote[data-citation]', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes, { 'data-citation': '' }), 0];
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
