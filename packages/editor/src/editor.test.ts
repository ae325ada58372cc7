// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveDocument } from './derive.js';
import { editorExtensions } from './extensions.js';
import { toMarkdown } from './markdown.js';
import { CITED } from './testing/every-node.js';
import { DOCUMENT_FRAGMENT } from './ydoc.js';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** The web app's editor: these extensions plus Collaboration on the note's Y.Doc. */
function collaborativeEditor(ydoc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: DOCUMENT_FRAGMENT })],
  });
  editors.push(editor);
  return editor;
}

/** Types text at the cursor as a keyboard would, so input rules run. */
function type(editor: Editor, text: string): void {
  for (const char of text) {
    const { from, to } = editor.state.selection;
    const handled = editor.view.someProp('handleTextInput', (handle) =>
      handle(editor.view, from, to, char, () => editor.state.tr.insertText(char, from, to)),
    );
    if (!handled) editor.view.dispatch(editor.state.tr.insertText(char, from, to));
  }
}

describe('the web editor on a collaborative note', () => {
  it('stores a quoted passage and a typed [[wiki link]] where the server reads them back', () => {
    const note = new Y.Doc();
    const editor = collaborativeEditor(note);

    editor.commands.focus('end');
    type(editor, 'See [[Caspian Sea]] for context');
    editor.commands.insertCitation(CITED, 'balance between Moscow and Beijing');

    const derived = deriveDocument(note);
    expect(derived.wikiLinks).toEqual([{ title: 'Caspian Sea' }]);
    expect(derived.plainText).toBe('See Caspian Sea for context\nbalance between Moscow and Beijing');
    expect(derived.citations).toEqual([{ ...CITED, quote: 'balance between Moscow and Beijing' }]);
    expect(toMarkdown(note, { readingUrl: () => '/r' })).toBe(
      `See [[Caspian Sea]] for context\n\n> balance between Moscow and Beijing[^1]\n\n` +
        `[^1]: *${CITED.readingTitle}*: “balance between Moscow and Beijing” [Open the passage](/r)\n`,
    );
  });

  it('refuses a javascript: link and keeps a web link', () => {
    const editor = collaborativeEditor(new Y.Doc());
    editor.commands.insertContent('trap and site');

    editor.commands.setTextSelection({ from: 1, to: 5 });
    expect(editor.commands.setLink({ href: 'javascript:alert(document.cookie)' })).toBe(false);
    editor.commands.setTextSelection({ from: 10, to: 14 });
    expect(editor.commands.setLink({ href: 'https://example.org' })).toBe(true);

    expect(editor.getHTML()).not.toContain('javascript');
    expect(editor.getHTML()).toContain('href="https://example.org"');
  });

  it('keeps a citation a citation when its HTML is pasted into another note', () => {
    const source = collaborativeEditor(new Y.Doc());
    source.commands.insertCitation(CITED, 'balance between Moscow and Beijing');
    const target = new Y.Doc();

    collaborativeEditor(target).commands.setContent(source.getHTML());

    expect(deriveDocument(target).citations).toEqual([{ ...CITED, quote: 'balance between Moscow and Beijing' }]);
  });

  it("links a wiki page chosen from the autocomplete to that page's address in the export", () => {
    const note = new Y.Doc();
    const editor = collaborativeEditor(note);
    editor.commands.insertContent('Compare ');
    editor.commands.insertWikiLink({ title: 'Caspian Sea', pageId: 'page-7' });

    const wikiLinkUrl = (link: { pageId: string | null }) => (link.pageId ? `/wiki/${link.pageId}` : undefined);
    expect(toMarkdown(note, { readingUrl: () => '/r', wikiLinkUrl })).toBe('Compare [Caspian Sea](/wiki/page-7)\n');
  });
});
