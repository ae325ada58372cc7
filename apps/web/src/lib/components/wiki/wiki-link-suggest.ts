import { Extension, InputRule } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** An unfinished `[[title` before the caret, where its suggestions show and how to complete it. */
export interface LinkQuery {
  text: string;
  left: number;
  top: number;
  /** Replaces `[[text` with a link to the page titled `title`. */
  complete(title: string): void;
}

export interface WikiLinkSuggestOptions {
  onQuery(query: LinkQuery | null): void;
  /** A key pressed while a query is open; true when the suggestions used it. */
  onKey(key: string): boolean;
}

/**
 * `[[Page title]]` links as they are typed: an open `[[` reports what follows it, for the page's
 * suggestion list, and a closing `]]` turns the text into a link even without picking one.
 */
export const WikiLinkSuggest = Extension.create<WikiLinkSuggestOptions>({
  name: 'wikiLinkSuggest',

  addOptions() {
    return { onQuery: () => {}, onKey: () => false };
  },

  addInputRules() {
    return [
      new InputRule({
        find: /\[\[([^[\]]+)\]\]$/,
        handler: ({ state, range, match }) => {
          const title = match[1]?.trim();
          if (!title) return null;
          state.tr.replaceWith(range.from, range.to, state.schema.nodes.wikiLink!.create({ title, pageId: null }));
        },
      }),
    ];
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin({
        key: new PluginKey('wikiLinkSuggest'),
        view: () => ({
          update: (view) => {
            const { selection } = view.state;
            if (!selection.empty || !view.editable) return options.onQuery(null);
            const { $from } = selection;
            // Inline nodes count as one character, so no link or citation is read as text.
            const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
            const match = /\[\[([^[\]\ufffc]{0,200})$/.exec(before);
            if (!match) return options.onQuery(null);
            const from = selection.from - match[0].length;
            const to = selection.from;
            const caret = view.coordsAtPos(to);
            options.onQuery({
              text: match[1]!,
              left: caret.left,
              top: caret.bottom,
              complete: (title) =>
                editor
                  .chain()
                  .focus()
                  .insertContentAt({ from, to }, [
                    { type: 'wikiLink', attrs: { title, pageId: null } },
                    { type: 'text', text: ' ' },
                  ])
                  .run(),
            });
          },
          destroy: () => options.onQuery(null),
        }),
        props: { handleKeyDown: (_view, event) => options.onKey(event.key) },
      }),
    ];
  },
});
