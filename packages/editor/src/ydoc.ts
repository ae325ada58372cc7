import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { editorSchema } from './extensions.js';

/** Tiptap's Collaboration extension keeps the document in the XmlFragment of this name. */
export const DOCUMENT_FRAGMENT = 'default';

/**
 * The ProseMirror document a Y.Doc holds. y-prosemirror drops (and deletes from the Y.Doc) nodes
 * the schema does not allow while it reads, so it reads a copy: deriving must never change what
 * is stored.
 */
export function readDocument(ydoc: Y.Doc): ProseMirrorNode {
  return readDocumentState(Y.encodeStateAsUpdate(ydoc));
}

/** The ProseMirror document an encoded Yjs state (an update of the whole document) holds. */
export function readDocumentState(state: Uint8Array): ProseMirrorNode {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, state);
  const node = readCopy(copy);
  copy.destroy();
  return node;
}

/**
 * The ProseMirror document a copy of a stored document holds, read in place: y-prosemirror deletes
 * from the copy the nodes the schema does not allow, as an editor open on the document would.
 */
export function readCopy(copy: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FRAGMENT), editorSchema());
}

/**
 * ProseMirror JSON as a document, refused with a RangeError unless the schema allows it:
 * fromJSON alone checks node names but not what each node may contain.
 */
export function documentFromJSON(json: JSONContent): ProseMirrorNode {
  const node = ProseMirrorNode.fromJSON(editorSchema(), json);
  node.check();
  return node;
}

/**
 * A document given as a Y.Doc or as ProseMirror JSON. A Y.Doc is told apart by shape, not
 * instanceof: the caller's copy of yjs may be another module instance than this package's.
 */
export function toDocumentNode(source: Y.Doc | JSONContent): ProseMirrorNode {
  return isYDoc(source) ? readDocument(source) : documentFromJSON(source);
}

function isYDoc(source: Y.Doc | JSONContent): source is Y.Doc {
  return typeof (source as Partial<Y.Doc>).getXmlFragment === 'function';
}

/**
 * Writes ProseMirror JSON into an empty Y.Doc, as the editor would. Only for a document's first
 * content: writing over content other clients have edited would drop their history.
 */
export function writeDocument(ydoc: Y.Doc, json: JSONContent): void {
  const node = documentFromJSON(json);
  const fragment = ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
  if (fragment.length > 0) throw new Error('writeDocument needs an empty document');
  ydoc.transact(() => prosemirrorToYXmlFragment(node, fragment));
}

/**
 * Changes the Y.Doc's content into ProseMirror JSON as the editor does with each of its changes:
 * y-prosemirror compares the two and changes only what differs, so what is kept keeps its history
 * (and who wrote it). One transaction: one update.
 */
export function editDocument(ydoc: Y.Doc, json: JSONContent): void {
  const node = documentFromJSON(json);
  const fragment = ydoc.getXmlFragment(DOCUMENT_FRAGMENT);
  ydoc.transact(() => updateYFragment(ydoc, fragment, node, { mapping: new Map(), isOMark: new Map() }));
}
