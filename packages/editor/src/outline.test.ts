import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deriveDocument } from './derive.js';
import { toMarkdown } from './markdown.js';
import { outlineDocument } from './outline.js';
import { DOCUMENT_FRAGMENT, readDocument } from './ydoc.js';

const noLinks = { readingUrl: () => '/' };

describe('outlineDocument', () => {
  it("starts a note from the reading's section headings, each with an empty section to write in", () => {
    const outline = outlineDocument([
      { level: 1, text: 'Introduction' },
      { level: 2, text: '  Between two neighbours ' },
      { level: 9, text: 'A note deep in the source' },
      { level: 2, text: '   ' },
    ]);
    const ydoc = new Y.Doc();

    expect(outline.applyTo(ydoc)).toBe(true);

    expect(readDocument(ydoc).toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Introduction' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Between two neighbours' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'A note deep in the source' }] },
        { type: 'paragraph' },
      ],
    });
    expect(deriveDocument(ydoc).headings).toEqual([
      { level: 1, text: 'Introduction' },
      { level: 2, text: 'Between two neighbours' },
      { level: 6, text: 'A note deep in the source' },
    ]);
    expect(toMarkdown(ydoc, noLinks)).toBe(
      '# Introduction\n\n## Between two neighbours\n\n###### A note deep in the source\n',
    );
  });

  it('starts a reading without headings from one empty paragraph', () => {
    const ydoc = new Y.Doc();
    outlineDocument([]).applyTo(ydoc);
    expect(readDocument(ydoc).toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('leaves a note someone already wrote in alone, so the outline is never doubled', () => {
    const ydoc = new Y.Doc();
    const outline = outlineDocument([{ level: 1, text: 'Introduction' }]);
    outline.applyTo(ydoc);
    const written = Y.encodeStateAsUpdate(ydoc);

    expect(outline.applyTo(ydoc)).toBe(false);

    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(written);
    expect(ydoc.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(2);
  });
});
