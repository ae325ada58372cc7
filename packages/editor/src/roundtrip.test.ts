import { createRequire } from 'node:module';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { deriveDocument } from './derive.js';
import { editorSchema } from './extensions.js';
import { toMarkdown } from './markdown.js';
import { EVERY_NODE, syncedDocument } from './testing/every-node.js';
import { editDocument, readDocument, writeDocument } from './ydoc.js';

const links = { readingUrl: () => '/reading', wikiLinkUrl: () => undefined };

describe('a document through Yjs and back', () => {
  it('reads back every node, mark and attribute a writer put in, citation selector included', () => {
    const expected = ProseMirrorNode.fromJSON(editorSchema(), EVERY_NODE).toJSON();
    expect(readDocument(syncedDocument(EVERY_NODE)).toJSON()).toEqual(expected);
  });

  it('is stable: written again from what was read, it reads, derives and exports the same', () => {
    const first = syncedDocument(EVERY_NODE);
    const second = syncedDocument(readDocument(first).toJSON());

    expect(readDocument(second).toJSON()).toEqual(readDocument(first).toJSON());
    expect(deriveDocument(second)).toEqual(deriveDocument(first));
    expect(toMarkdown(second, links)).toBe(toMarkdown(first, links));
  });

  it('survives storage as a V2 update, as the server stores it', () => {
    const stored = syncedDocument(EVERY_NODE);
    const loaded = new Y.Doc();
    Y.applyUpdateV2(loaded, Y.encodeStateAsUpdateV2(stored));
    expect(toMarkdown(loaded, links)).toBe(toMarkdown(stored, links));
  });

  it("exports a document held by another copy of yjs, as the server's own yjs may be", () => {
    // The CommonJS build is a second module instance of yjs, with its own Y.Doc class.
    const OtherY = createRequire(import.meta.url)('yjs') as typeof Y;
    expect(OtherY.Doc).not.toBe(Y.Doc);
    const stored = syncedDocument(EVERY_NODE);
    const elsewhere = new OtherY.Doc();
    OtherY.applyUpdate(elsewhere, Y.encodeStateAsUpdate(stored));

    expect(toMarkdown(elsewhere, links)).toBe(toMarkdown(stored, links));
  });

  it('merges two writers editing apart into one document both derive alike', () => {
    const alice = syncedDocument(EVERY_NODE);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    edit(alice, (doc) => doc.copy(doc.content.addToStart(heading('Added by Alice'))));
    edit(bob, (doc) => doc.copy(doc.content.addToEnd(heading('Added by Bob'))));

    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));

    const headings = deriveDocument(alice).headings.map((h) => h.text);
    expect(headings).toEqual(['Added by Alice', 'Week 2: Neighbours', 'Arguments', 'Added by Bob']);
    expect(deriveDocument(bob)).toEqual(deriveDocument(alice));
  });

  it('edits a document as one update of what changed, leaving the rest as it was written', () => {
    const doc = syncedDocument(EVERY_NODE);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    const added = readDocument(doc).content.addToEnd(heading('Added later'));
    editDocument(doc, { type: 'doc', content: added.toJSON() });

    const change = Y.encodeStateAsUpdate(doc, before);
    // Nothing already written is deleted and written again.
    expect(Y.decodeUpdate(change).ds.clients.size).toBe(0);
    Y.applyUpdate(stored, change);
    expect(deriveDocument(stored)).toEqual(deriveDocument(doc));
    expect(deriveDocument(stored).headings.at(-1)?.text).toBe('Added later');
    expect(() => editDocument(doc, { type: 'doc', content: [{ type: 'mysteryWidget' }] })).toThrow(RangeError);
  });

  it('refuses JSON the schema does not allow instead of exporting something else', () => {
    const quoteWithBold = {
      type: 'doc',
      content: [{ type: 'citation', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }],
    };
    expect(() => toMarkdown(quoteWithBold, links)).toThrow(RangeError);
    expect(() => writeDocument(new Y.Doc(), { type: 'doc', content: [{ type: 'mysteryWidget' }] })).toThrow(RangeError);
  });
});

const heading = (text: string) => editorSchema().nodes.heading!.create({ level: 2 }, editorSchema().text(text));

/** One writer's edit, written into their Y.Doc the way the editor's sync plugin writes it. */
function edit(ydoc: Y.Doc, change: (doc: ProseMirrorNode) => ProseMirrorNode): void {
  editDocument(ydoc, change(readDocument(ydoc)).toJSON());
}
