import { writeDocument } from '@commonplace/editor';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownOf } from './document-text.js';

const COURSE = '0b7e4f10-1c2d-4e3f-8a9b-1c2d3e4f5a6b';
const READING = '5f0c1a52-7d1e-4c1e-9a57-0c3f4b8e2d11';

/** A note as the editor stores it: a heading, text with a typed "<", a task and a citation. */
function note(): Y.Doc {
  const doc = new Y.Doc();
  writeDocument(doc, {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Neutrality' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Trade grew <10% a year' }] },
      {
        type: 'taskList',
        content: [
          {
            type: 'taskItem',
            attrs: { checked: true },
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Read chapter 2' }] }],
          },
        ],
      },
      {
        type: 'citation',
        attrs: {
          readingId: READING,
          readingVersion: 1,
          readingTitle: 'Multi-vector Diplomacy',
          selector: {
            quote: { type: 'TextQuoteSelector', exact: 'a careful balance', prefix: 'keeps ', suffix: ' between' },
            position: { type: 'TextPositionSelector', start: 120, end: 137 },
          },
        },
        content: [{ type: 'text', text: 'a careful balance' }],
      },
    ],
  });
  return doc;
}

describe('a note as text', () => {
  it('renders it as Markdown under its title, a citation as a footnote linking back to the passage', () => {
    const markdown = markdownOf('Week 1', note(), COURSE);
    // A typed "<" is escaped, so that no Markdown renderer takes it for the start of a tag.
    expect(markdown.startsWith('# Week 1\n\n## Neutrality\n\nTrade grew \\<10% a year\n\n- [x] Read chapter 2')).toBe(
      true,
    );
    expect(markdown).toContain('Multi-vector Diplomacy');
    expect(markdown).toContain('a careful balance');
    expect(markdown).toContain(`/courses/${COURSE}/readings/${READING}?passage=120-137`);
  });
});
