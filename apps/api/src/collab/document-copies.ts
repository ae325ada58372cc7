import * as Y from 'yjs';

interface Copy {
  doc: Y.Doc;
  /** The encoded bytes it was made from and brought up to date with: what the budget counts. */
  bytes: number;
}

/**
 * The document thread's copies of live documents, by the key the event loop gave each, least
 * recently used first. Past `budgetBytes` of encoded content (a copy takes about 16 times its
 * encoded size in memory when typed a keystroke at a time) the least recently used are dropped, so
 * that a server with many documents open keeps the thread within its heap: such a document's next
 * store finds no copy and sends it whole again.
 */
export class DocumentCopies {
  private readonly copies = new Map<string, Copy>();
  private bytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** A new empty copy under `key`, in place of any before it. */
  create(key: string): Y.Doc {
    this.forget(key);
    const doc = new Y.Doc();
    this.copies.set(key, { doc, bytes: 0 });
    return doc;
  }

  /** The copy under `key`, now the most recently used; undefined when there is none. */
  get(key: string): Y.Doc | undefined {
    const copy = this.copies.get(key);
    if (!copy) return undefined;
    this.copies.delete(key);
    this.copies.set(key, copy);
    return copy.doc;
  }

  /** Counts `bytes` more in the copy under `key`, then drops the least recently used others past the budget. */
  grew(key: string, bytes: number): void {
    const copy = this.copies.get(key);
    if (!copy) return;
    copy.bytes += bytes;
    this.bytes += bytes;
    for (const [oldest] of this.copies) {
      if (this.bytes <= this.budgetBytes) break;
      if (oldest !== key) this.forget(oldest);
    }
  }

  forget(key: string): void {
    const copy = this.copies.get(key);
    if (!copy) return;
    copy.doc.destroy();
    this.copies.delete(key);
    this.bytes -= copy.bytes;
  }
}
