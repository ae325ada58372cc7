import * as Y from 'yjs';

/**
 * Many updates as one buffer, each written behind its length as a 4-byte big-endian integer: how
 * PostgreSQL hands a document's log over (`int4send(length) || update`, aggregated), and how the
 * log is sent to a worker thread as one transferable buffer rather than a clone per update.
 */
export function packUpdates(updates: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const packed = new Uint8Array(updates.reduce((sum, update) => sum + 4 + update.length, 0));
  const view = new DataView(packed.buffer);
  let at = 0;
  for (const update of updates) {
    view.setUint32(at, update.length);
    packed.set(update, at + 4);
    at += 4 + update.length;
  }
  return packed;
}

/** The updates of a packed buffer, in order (views into it, not copies). */
export function* unpackUpdates(packed: Uint8Array): Generator<Uint8Array> {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let at = 0; at < packed.length;) {
    const length = view.getUint32(at);
    yield packed.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
}

/**
 * Applies a document's stored log to `doc`: its snapshot, then each packed update in turn, in one
 * transaction (not merged first with Y.mergeUpdates, whose time grows with the square of their number).
 */
export function applyLog(doc: Y.Doc, snapshot: Uint8Array | null, updates: Uint8Array | null): void {
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    if (updates) for (const update of unpackUpdates(updates)) Y.applyUpdate(doc, update);
  });
}
