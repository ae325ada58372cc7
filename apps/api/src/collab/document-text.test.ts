import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownOf, plainTextOf } from './document-text.js';

/** A note as Tiptap's Collaboration extension stores it: block elements holding text. */
function note(blocks: [string, string, Record<string, unknown>?][]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('default');
  for (const [name, text, attributes = {}] of blocks) {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
    const content = new Y.XmlText();
    content.insert(0, text);
    if (name === 'bulletList') {
      const item = new Y.XmlElement('listItem');
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [content]);
      item.insert(0, [paragraph]);
      element.insert(0, [item]);
    } else {
      element.insert(0, [content]);
    }
    fragment.insert(fragment.length, [element]);
  }
  return doc;
}

describe('a note as text', () => {
  const doc = note([
    ['heading', 'Neutrality', { level: 2 }],
    ['paragraph', 'Trade grew <10% a year'],
    ['bulletList', 'Energy corridors'],
    ['taskItem', 'Read chapter 2', { checked: true }],
  ]);

  it('renders headings, list and task items as Markdown, keeping typed "<" as written', () => {
    expect(markdownOf('Week 1', doc)).toBe(
      '# Week 1\n\n## Neutrality\n\nTrade grew <10% a year\n\n- Energy corridors\n\n- [x] Read chapter 2\n',
    );
  });

  it('gives the plain words, one block a line, without Markdown markers', () => {
    expect(plainTextOf(doc)).toBe('Neutrality\nTrade grew <10% a year\nEnergy corridors\nRead chapter 2');
  });
});
