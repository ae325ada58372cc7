import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deriveDocument } from './derive.js';
import { toMarkdown } from './markdown.js';
import { DOCUMENT_FRAGMENT } from './ydoc.js';

/** An element with any attribute values, as a hostile Yjs client can write them. */
function element(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement(name) as Y.XmlElement<any>;
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.insert(0, children);
  return el;
}

const text = (value: string, format?: Record<string, unknown>) => {
  const t = new Y.XmlText();
  t.insert(0, value, format);
  return t;
};

describe('a document written by a hostile Yjs client', () => {
  it('derives and exports without failing, reading every attribute for its type', () => {
    const ydoc = new Y.Doc();
    ydoc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [
      element('heading', { level: -1 }, [text('Hostile heading')]),
      element('paragraph', {}, [
        text('see '),
        element('wikiLink', { title: 42 }, []),
        text('trap', { link: { href: { evil: true } } }),
      ]),
      element(
        'citation',
        {
          readingId: 'r1',
          readingTitle: {},
          readingVersion: 'three',
          selector: { quote: 'x', position: { start: -4 } },
        },
        [text('quoted')],
      ),
      element('codeBlock', { language: 7 }, [text('code')]),
      element('orderedList', { start: 'x' }, [element('listItem', {}, [element('paragraph', {}, [text('one')])])]),
    ]);

    expect(deriveDocument(ydoc)).toEqual({
      plainText: 'Hostile heading\nsee trap\nquoted\ncode\none',
      headings: [{ level: 1, text: 'Hostile heading' }],
      wikiLinks: [],
      citations: [{ readingId: 'r1', readingVersion: null, readingTitle: '', selector: null, quote: 'quoted' }],
      urls: [],
    });
    expect(toMarkdown(ydoc, { readingUrl: () => '/r' })).toBe(
      '# Hostile heading\n\nsee trap\n\n> quoted[^1]\n\n```\ncode\n```\n\n1. one\n\n' +
        '[^1]: *Untitled reading*: “quoted” [Open the passage](/r)\n',
    );
  });
});
