import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentCopies } from './document-copies.js';

/** A copy under `key` made from `bytes` of encoded content, as a store's first derive makes it. */
function made(copies: DocumentCopies, key: string, bytes: number): Y.Doc {
  const doc = copies.create(key);
  copies.grew(key, bytes);
  return doc;
}

describe('DocumentCopies', () => {
  it('drops the least recently used copies once their content passes the budget, never the one in use', () => {
    const copies = new DocumentCopies(100);
    const first = made(copies, 'first', 40);
    made(copies, 'second', 40);
    expect(copies.get('first')).toBe(first);
    made(copies, 'third', 40);
    // "second" was used longest ago: dropped, and destroyed with it.
    expect(copies.get('second')).toBeUndefined();
    expect(copies.get('first')).toBe(first);
    expect(copies.get('third')).toBeDefined();

    const huge = made(copies, 'huge', 500);
    expect(copies.get('first')).toBeUndefined();
    expect(copies.get('third')).toBeUndefined();
    expect(copies.get('huge')).toBe(huge);
  });

  it('counts the updates a copy is brought up to date with', () => {
    const copies = new DocumentCopies(100);
    made(copies, 'quiet', 30);
    made(copies, 'busy', 30);
    copies.get('quiet');
    copies.grew('busy', 50);
    expect(copies.get('quiet')).toBeUndefined();
    expect(copies.get('busy')).toBeDefined();
  });

  it('frees a forgotten or remade copy’s share of the budget', () => {
    const copies = new DocumentCopies(100);
    const gone = made(copies, 'gone', 60);
    let destroyed = false;
    gone.on('destroy', () => (destroyed = true));
    copies.forget('gone');
    expect(destroyed).toBe(true);
    made(copies, 'remade', 60);
    made(copies, 'remade', 60);
    made(copies, 'other', 40);
    expect(copies.get('remade')).toBeDefined();
    expect(copies.get('other')).toBeDefined();
  });
});
