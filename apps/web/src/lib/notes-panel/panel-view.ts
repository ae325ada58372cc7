import type { Note, NoteScope } from '@commonplace/contracts';

/** What the reader's load depends on for its notes: invalidated when a note the reader may read changes. */
export const READER_NOTES = 'app:reader-notes';

/** What the page's address asks the notes panel to show (`?notes=`, `?group=`, `?note=`). */
export interface PanelQuery {
  scope: string | null;
  groupId: string | null;
  noteId: string | null;
}

/** The notes panel's own address parameters: which notes, whose group's, which note. */
const NOTE_PARAMS = { scope: 'notes', groupId: 'group', noteId: 'note' } as const satisfies Record<
  keyof PanelQuery,
  string
>;

export const NOTE_PARAM_NAMES = Object.values(NOTE_PARAMS);

export const panelQueryOf = (params: URLSearchParams): PanelQuery => ({
  scope: params.get(NOTE_PARAMS.scope),
  groupId: params.get(NOTE_PARAMS.groupId),
  noteId: params.get(NOTE_PARAMS.noteId),
});

export interface PanelContext {
  readingId: string;
  /** Every note the user may read (the API lists only those). */
  notes: Note[];
  /** Staff choose among the course's groups; a student sees their own. */
  staff: boolean;
  groups: { id: string; name: string }[];
  myGroupId: string | null;
}

export interface PanelView {
  scope: NoteScope;
  /** The group whose notes the Group tab shows: the student's own, or the one staff chose. */
  groupId: string | null;
  /** The tab's notes on this reading, and its other notes (other readings, or none). */
  onReading: Note[];
  elsewhere: Note[];
  open: Note | null;
}

const SCOPES: readonly string[] = ['group', 'personal'] satisfies NoteScope[];

/**
 * Decides the panel from the address, so a note stays open across reloads and can be linked.
 * An unknown or unreadable `note` is ignored rather than refused: the panel shows the tab's first
 * note on this reading instead.
 */
export function panelView(query: PanelQuery, context: PanelContext): PanelView {
  const { readingId, notes, staff } = context;
  const asked = notes.find((note) => note.id === query.noteId) ?? null;
  const scope = (SCOPES.includes(query.scope ?? '') ? query.scope : (asked?.scope ?? 'group')) as NoteScope;
  const groupId = staff ? staffGroup(query, asked, context) : context.myGroupId;
  const inTab = notes.filter((note) => note.scope === scope && (scope === 'personal' || note.groupId === groupId));
  const onReading = inTab.filter((note) => note.readingId === readingId);
  const elsewhere = inTab.filter((note) => note.readingId !== readingId);
  const open = asked && inTab.includes(asked) ? asked : (onReading[0] ?? null);
  return { scope, groupId, onReading, elsewhere, open };
}

/** Staff see the group they chose, or the open note's, or the first (in the course's order) with notes here. */
function staffGroup(query: PanelQuery, asked: Note | null, context: PanelContext): string | null {
  const known = (id: string | null | undefined) => (id && context.groups.some((g) => g.id === id) ? id : null);
  const withNotes = context.groups.find((group) =>
    context.notes.some((note) => note.groupId === group.id && note.readingId === context.readingId),
  );
  return known(query.groupId) ?? known(asked?.groupId) ?? withNotes?.id ?? context.groups[0]?.id ?? null;
}

/** The reader's address showing `view` with `changes`, keeping its other parameters (a passage, a search). */
export function panelHref(url: URL, changes: { scope?: NoteScope; groupId?: string | null; noteId?: string | null }) {
  const next = new URL(url);
  next.hash = '';
  if (changes.scope) next.searchParams.set(NOTE_PARAMS.scope, changes.scope);
  for (const [param, value] of [
    [NOTE_PARAMS.groupId, changes.groupId],
    [NOTE_PARAMS.noteId, changes.noteId],
  ] as const) {
    if (value === undefined) continue;
    if (value === null) next.searchParams.delete(param);
    else next.searchParams.set(param, value);
  }
  return next.pathname + next.search;
}
