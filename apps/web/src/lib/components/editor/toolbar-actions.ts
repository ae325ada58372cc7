import type { Editor } from '@tiptap/core';

/** One button of the editor toolbar. */
export interface ToolbarAction {
  id: string;
  /** What the button does, as a screen reader and the tooltip say it (the shortcut is added). */
  label: string;
  /** What the button shows. */
  glyph: string;
  /** Tiptap's shortcut, in aria-keyshortcuts notation with "Mod" for Ctrl (⌘ on a Mac). */
  shortcut?: string;
  /** A button with a state (a mark or block that is on at the selection) says so with aria-pressed. */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  /** Starts a new group: a gap before it. */
  groupStart?: boolean;
}

const inTable = (editor: Editor) => editor.isActive('table');

/**
 * The toolbar, in order. Undo and redo are Collaboration's (y-prosemirror's undo manager): they
 * undo only this writer's changes, never a co-writer's.
 */
export function toolbarActions(openLink: () => void): ToolbarAction[] {
  return [
    {
      id: 'undo',
      label: 'Undo my last change',
      glyph: '↶',
      shortcut: 'Mod+Z',
      enabled: (e) => e.can().undo(),
      run: (e) => e.chain().focus().undo().run(),
    },
    {
      id: 'redo',
      label: 'Redo',
      glyph: '↷',
      shortcut: 'Mod+Shift+Z',
      enabled: (e) => e.can().redo(),
      run: (e) => e.chain().focus().redo().run(),
    },
    ...([1, 2, 3] as const).map((level, index): ToolbarAction => ({
      id: `heading-${level}`,
      label: `Heading ${level}`,
      glyph: `H${level}`,
      shortcut: `Mod+Alt+${level}`,
      groupStart: index === 0,
      active: (e) => e.isActive('heading', { level }),
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
    })),
    {
      id: 'bold',
      label: 'Bold',
      glyph: 'B',
      shortcut: 'Mod+B',
      groupStart: true,
      active: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'Italic',
      glyph: 'I',
      shortcut: 'Mod+I',
      active: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      id: 'code',
      label: 'Inline code',
      glyph: '</>',
      shortcut: 'Mod+E',
      active: (e) => e.isActive('code'),
      run: (e) => e.chain().focus().toggleCode().run(),
    },
    {
      id: 'link',
      label: 'Link',
      glyph: '🔗',
      shortcut: 'Mod+K',
      active: (e) => e.isActive('link'),
      run: () => openLink(),
    },
    {
      id: 'bullet-list',
      label: 'Bulleted list',
      glyph: '•≡',
      shortcut: 'Mod+Shift+8',
      groupStart: true,
      active: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'ordered-list',
      label: 'Numbered list',
      glyph: '1.',
      shortcut: 'Mod+Shift+7',
      active: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'task-list',
      label: 'Task list',
      glyph: '☑',
      shortcut: 'Mod+Shift+9',
      active: (e) => e.isActive('taskList'),
      run: (e) => e.chain().focus().toggleTaskList().run(),
    },
    {
      id: 'blockquote',
      label: 'Quote',
      glyph: '❝',
      shortcut: 'Mod+Shift+B',
      active: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      id: 'code-block',
      label: 'Code block',
      glyph: '{ }',
      shortcut: 'Mod+Alt+C',
      active: (e) => e.isActive('codeBlock'),
      run: (e) => e.chain().focus().toggleCodeBlock().run(),
    },
    {
      id: 'insert-table',
      label: 'Insert table',
      glyph: '⊞',
      groupStart: true,
      enabled: (e) => !inTable(e),
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      id: 'add-row',
      label: 'Add row below',
      glyph: '+Row',
      enabled: inTable,
      run: (e) => e.chain().focus().addRowAfter().run(),
    },
    {
      id: 'delete-row',
      label: 'Delete row',
      glyph: '−Row',
      enabled: inTable,
      run: (e) => e.chain().focus().deleteRow().run(),
    },
    {
      id: 'add-column',
      label: 'Add column after',
      glyph: '+Col',
      enabled: inTable,
      run: (e) => e.chain().focus().addColumnAfter().run(),
    },
    {
      id: 'delete-column',
      label: 'Delete column',
      glyph: '−Col',
      enabled: inTable,
      run: (e) => e.chain().focus().deleteColumn().run(),
    },
    {
      id: 'delete-table',
      label: 'Delete table (undo brings it back)',
      glyph: '✕⊞',
      enabled: inTable,
      run: (e) => e.chain().focus().deleteTable().run(),
    },
  ];
}

/** A shortcut as this platform's keyboard names it: "Ctrl+Shift+8", or "⌘+Shift+8" on a Mac. */
export function shortcutText(shortcut: string, mac: boolean): string {
  return shortcut.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Alt', mac ? '⌥' : 'Alt');
}

/** The aria-keyshortcuts value: "Mod" is Control, or Meta on a Mac. */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  return shortcut.replace('Mod', mac ? 'Meta' : 'Control');
}
