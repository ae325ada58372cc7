import { describe, expect, it } from 'vitest';
import { documentSignalIn, documentSignalMessage } from './notes.js';

describe("a document's stateless signals", () => {
  it('reads back what the server sends, and nothing from any other message', () => {
    expect(documentSignalIn(documentSignalMessage('comments'))).toBe('comments');
    for (const other of ['', 'comments', '{"changed":"content"}', '{"changed":null}', '[1]', '{"changed":"comments"']) {
      expect(documentSignalIn(other)).toBeNull();
    }
  });
});
