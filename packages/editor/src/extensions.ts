import { getSchema, type AnyExtension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import type { Schema } from '@tiptap/pm/model';
import { Citation } from './citation.js';
import { safeHref } from './safe-url.js';
import { WikiLink } from './wiki-link.js';

/**
 * The one list of extensions for notes and wiki pages, used by the web editor and by the server
 * (through editorSchema) so both read and write the same document shape. The web app adds
 * Collaboration and CollaborationCaret itself.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo, which undoes only this writer's changes.
      undoRedo: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url, { defaultValidate }) => defaultValidate(url) && safeHref(url) !== undefined,
      },
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Citation,
    WikiLink,
  ];
}

let schema: Schema | undefined;

/** The ProseMirror schema of editorExtensions(), built without a DOM (server side). */
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions());
  return schema;
}
