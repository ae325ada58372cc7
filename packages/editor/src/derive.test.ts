import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deriveDocument, deriveFromCopy } from './derive.js';
import { CITED, EVERY_NODE, syncedDocument } from './testing/every-node.js';
import { DOCUMENT_FRAGMENT } from './ydoc.js';

describe('deriveDocument', () => {
  it('derives the text, outline, links and citations of a note holding every node', () => {
    const derived = deriveDocument(syncedDocument(EVERY_NODE));

    expect(derived.plainText.split('\n')).toEqual([
      'Week 2: Neighbours',
      'We read closely and slowly, not hastily. Run grep -n. See the ministry and this trap.',
      'Compare Multi-vector policy.',
      'Arguments',
      'Trade routes',
      'Middle Corridor',
      'Energy',
      'Read the chapter',
      'Summarise it',
      'Pick a passage',
      'Draft the rebuttal',
      'Geography is destiny, said someone.',
      'balance between Moscow and Beijing',
      'print("steppe")',
      'Partner',
      'Share | %',
      'China',
      '21',
      'See also Caspian Sea',
    ]);
    expect(derived.headings).toEqual([
      { level: 1, text: 'Week 2: Neighbours' },
      { level: 2, text: 'Arguments' },
    ]);
    expect(derived.wikiLinks).toEqual([{ title: 'Multi-vector policy' }, { title: 'Caspian Sea' }]);
    expect(derived.citations).toEqual([
      {
        readingId: CITED.readingId,
        readingVersion: 3,
        readingTitle: CITED.readingTitle,
        selector: CITED.selector,
        quote: 'balance between Moscow and Beijing',
      },
    ]);
    // The javascript: link is text only; it is no link anyone could follow.
    expect(derived.urls).toEqual(['https://www.gov.kz/memleket/entities/mfa']);
  });

  it('reads an empty document as empty', () => {
    expect(deriveDocument(new Y.Doc())).toEqual({
      plainText: '',
      headings: [],
      wikiLinks: [],
      citations: [],
      urls: [],
    });
  });

  it('leaves the stored document unchanged when it holds nodes the schema does not know', () => {
    const stored = syncedDocument(EVERY_NODE);
    const fragment = stored.getXmlFragment(DOCUMENT_FRAGMENT);
    // A client with another editor build wrote a node this schema lacks.
    fragment.insert(0, [new Y.XmlElement('mysteryWidget')]);
    const before = Y.encodeStateAsUpdate(stored);

    const derived = deriveDocument(stored);

    expect(derived.headings[0]).toEqual({ level: 1, text: 'Week 2: Neighbours' });
    expect(Y.encodeStateAsUpdate(stored)).toEqual(before);
    expect(fragment.get(0)).toBeInstanceOf(Y.XmlElement);
    expect((fragment.get(0) as Y.XmlElement).nodeName).toBe('mysteryWidget');
  });

  it('derives the same from the copy a worker thread keeps as from the document', () => {
    const stored = syncedDocument(EVERY_NODE);
    stored.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('mysteryWidget')]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));

    expect(deriveFromCopy(copy)).toEqual(deriveDocument(stored));
    expect(deriveFromCopy(copy).plainText).toMatch(/^Week 2: Neighbours\n/);
  });
});
