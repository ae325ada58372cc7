import { InputRule, Node, mergeAttributes } from '@tiptap/core';
import type { WikiLinkAttrs } from './selectors.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    wikiLink: {
      /** Puts a link to a wiki page at the cursor (the `[[` autocomplete's choice). */
      insertWikiLink: (attrs: WikiLinkAttrs) => ReturnType;
    };
  }
}

/** Typing `[[Page title]]` turns into a wiki link to that page. */
const WRITTEN_WIKI_LINK = /\[\[([^[\]\n]+)\]\]$/;

/** An inline link to a course wiki page by title; pageId is filled once the page is known. */
export const WikiLink = Node.create({
  name: 'wikiLink',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      title: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-title') ?? el.textContent?.replace(/^\[\[|\]\]$/g, '') ?? '',
        renderHTML: (attrs) => ({ 'data-title': attrs.title as string }),
      },
      pageId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-page-id'),
        renderHTML: (attrs) => (attrs.pageId ? { 'data-page-id': attrs.pageId as string } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'a[data-wiki-link]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, { 'data-wiki-link': '' }), node.attrs.title as string];
  },

  renderText({ node }) {
    return `[[${node.attrs.title as string}]]`;
  },

  addCommands() {
    return {
      insertWikiLink:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },

  addInputRules() {
    // Not nodeInputRule: with a capture group it replaces only the group, leaving the brackets.
    return [
      new InputRule({
        find: WRITTEN_WIKI_LINK,
        handler: ({ state, range, match }) => {
          const title = match[1]?.trim();
          if (!title) return null;
          state.tr.replaceWith(range.from, range.to, this.type.create({ title }));
        },
      }),
    ];
  },
});
