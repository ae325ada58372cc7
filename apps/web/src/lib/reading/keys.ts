export type ReaderCommand =
  | 'next-section'
  | 'previous-section'
  | 'contents'
  | 'quote'
  | 'annotate'
  | 'highlight'
  | 'go-to-passage'
  | 'number-paragraphs'
  | 'margin'
  | 'note'
  | 'shortcuts';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** The reader's shortcuts, listed once for both the key handler and the help dialog. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; command: ReaderCommand; label: string }> = [
  { keys: ['j', ']'], command: 'next-section', label: 'Next section' },
  { keys: ['k', '['], command: 'previous-section', label: 'Previous section' },
  { keys: ['t'], command: 'contents', label: 'Go to the table of contents' },
  { keys: ['q'], command: 'quote', label: 'Quote the selected words into the open note' },
  { keys: ['a'], command: 'annotate', label: 'Annotate the selected words' },
  { keys: ['h'], command: 'highlight', label: 'Highlight the selected words' },
  { keys: ['g'], command: 'go-to-passage', label: 'Go to a passage by its reference (¶4 s2-s3)' },
  { keys: ['n'], command: 'number-paragraphs', label: 'Number paragraphs and sentences, or stop' },
  { keys: ['m'], command: 'margin', label: 'Go to the annotations in the margin' },
  { keys: ['w'], command: 'note', label: 'Write in the open note' },
  { keys: ['?'], command: 'shortcuts', label: 'Show these shortcuts' },
];

interface ElementLike {
  tagName?: string;
  isContentEditable?: boolean;
}

/** True when a key press is typing: into a field, an editable area, or a select. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as ElementLike | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** The command a key press asks for, or null: never while typing or with a modifier held. */
export function readerCommand(event: KeyLike): ReaderCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return null;
  return SHORTCUTS.find((s) => s.keys.includes(event.key))?.command ?? null;
}
