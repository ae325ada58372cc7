import { DOCUMENT_FRAGMENT } from '@commonplace/editor';
import * as Y from 'yjs';

/**
 * The Yjs update that turns the content of the document in `liveState` into the content of
 * `versionState`: computed on a copy, so it can be stored before it is applied. The content is
 * replaced whole (a new change by whoever restores, on top of the history); null when the content
 * is the version's already. Runs in the document thread (both documents are decoded whole).
 */
export function changeToContentOf(liveState: Uint8Array, versionState: Uint8Array): Uint8Array | null {
  const version = new Y.Doc();
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    Y.applyUpdate(copy, liveState);
    const wanted = version.getXmlFragment(DOCUMENT_FRAGMENT);
    const fragment = copy.getXmlFragment(DOCUMENT_FRAGMENT);
    if (fragment.toString() === wanted.toString()) return null;
    const changes: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => changes.push(update));
    copy.transact(() => {
      fragment.delete(0, fragment.length);
      // The editor writes elements and text only (never an XmlHook).
      fragment.insert(
        0,
        wanted.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      );
    });
    return Y.mergeUpdates(changes);
  } finally {
    version.destroy();
    copy.destroy();
  }
}
