// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { Citation, readerOnThisPage } from './citation.js';
import { deriveDocument } from './derive.js';
import { editorExtensions } from './extensions.js';
import { CITED } from './testing/every-node.js';
import { DOCUMENT_FRAGMENT } from './ydoc.js';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function editorOn(ydoc: Y.Doc): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [...editorExtensions(), Collaboration.configure({ document: ydoc, field: DOCUMENT_FRAGMENT })],
  });
  editors.push(editor);
  return editor;
}

const citation = { ...CITED, quote: 'balance between Moscow and Beijing' };

describe('a citation in the editor', () => {
  it('names the reading and links to the passage in the reader of the course the page is in', () => {
    expect(readerOnThisPage(citation)).toBeNull();
    history.replaceState(null, '', '/courses/c0ffee00-0000-4000-8000-000000000001/readings/x?passage=1-2');
    const editor = editorOn(new Y.Doc());
    editor.commands.insertCitation(CITED, citation.quote);

    const block = editor.view.dom.querySelector('blockquote[data-citation]')!;
    expect(block.querySelector('[data-citation-quote]')?.textContent).toBe(citation.quote);
    expect(block.querySelector('footer[contenteditable="false"] cite')?.textContent).toBe(CITED.readingTitle);
    const link = block.querySelector<HTMLAnchorElement>('a[data-citation-link]')!;
    expect(link.textContent).toBe('Open in reading');
    expect(link.getAttribute('href')).toBe(
      `/courses/c0ffee00-0000-4000-8000-000000000001/readings/${CITED.readingId}?passage=1204-1238&version=3`,
    );
  });

  it('pastes as the quoted words only, without the title and link shown below them', () => {
    history.replaceState(null, '', '/courses/c0ffee00-0000-4000-8000-000000000001/readings/x');
    const source = editorOn(new Y.Doc());
    source.commands.insertCitation(CITED, citation.quote);
    expect(source.getHTML()).toContain('Open in reading');
    const target = new Y.Doc();

    editorOn(target).commands.setContent(source.getHTML());

    expect(deriveDocument(target).citations).toEqual([citation]);
  });

  it('pastes a citation as other tools write it, its words directly in the blockquote', () => {
    const target = new Y.Doc();
    const selector = JSON.stringify(CITED.selector).replaceAll('"', '&quot;');
    editorOn(target).commands.setContent(
      `<blockquote data-citation data-reading-id="${CITED.readingId}" data-reading-version="3" ` +
        `data-reading-title="${CITED.readingTitle}" data-selector="${selector}">${citation.quote}</blockquote>`,
    );
    expect(deriveDocument(target).citations).toEqual([citation]);
  });

  it('links where the app says, and shows no link where it gives none', () => {
    const editor = new Editor({
      element: document.createElement('div'),
      extensions: [
        ...editorExtensions().filter((e) => e.name !== 'citation'),
        Citation.configure({ readingUrl: () => null }),
      ],
    });
    editors.push(editor);
    editor.commands.insertCitation(CITED, citation.quote);
    expect(editor.view.dom.querySelector('a[data-citation-link]')).toBeNull();
    expect(editor.view.dom.querySelector('cite')?.textContent).toBe(CITED.readingTitle);
  });
});
