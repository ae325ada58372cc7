import { Node, mergeAttributes, nodeInputRule } from '@tiptap/core';

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

  addInputRules() {
    return [
      nodeInputRule({
        find: WRITTEN_WIKI_LINK,
        type: this.type,
        getAttributes: (match) => ({ title: match[1]?.trim() ?? '' }),
      }),
    ];
  },
});
