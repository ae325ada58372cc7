import type { Editor } from '@tiptap/core';
import type { Note } from '@commonplace/contracts';

/** The note editor open on the page, for actions outside it ("Quote in note" in the reader). */
class OpenEditor {
  current = $state<{ editor: Editor; note: Note } | null>(null);

  /** Called by the editor as it mounts; the returned function forgets it as it unmounts. */
  register(editor: Editor, note: Note): () => void {
    this.current = { editor, note };
    return () => {
      if (this.current?.editor === editor) this.current = null;
    };
  }
}

export const openEditor = new OpenEditor();
