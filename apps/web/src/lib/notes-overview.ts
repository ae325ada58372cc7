import type { Note } from '@commonplace/contracts';

export interface NotesSection {
  /** The group's id, or `personal`. */
  id: string;
  heading: string;
  notes: Note[];
  /** Said when the section has no notes. */
  empty: string;
}

/** The Notes page's `about` for the notes about no one reading (any other value is a reading's id). */
export const ABOUT_NO_READING = 'none';

/**
 * The notes about one reading (`about` its id), about no one reading (`ABOUT_NO_READING`), or every
 * note (`null`): what the Notes page shows when a course's list grows long (a group's note for every
 * reading, and staff see every group's).
 */
export function notesAbout(notes: readonly Note[], about: string | null): readonly Note[] {
  if (about === null) return notes;
  const readingId = about === ABOUT_NO_READING ? null : about;
  return notes.filter((note) => note.readingId === readingId);
}

/** How many notes each choice of `about` shows: keyed by reading id, and `ABOUT_NO_READING`. */
export function notesPerAbout(notes: readonly Note[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) {
    const about = note.readingId ?? ABOUT_NO_READING;
    counts.set(about, (counts.get(about) ?? 0) + 1);
  }
  return counts;
}

interface Viewer {
  staff: boolean;
  myGroupId: string | null;
  /** The course's groups, in its order. */
  groups: readonly { id: string; name: string }[];
}

/**
 * Every note the viewer may read, as the course's Notes page lists them: a student's group's notes
 * and their own; staff every group's, group by group, and their own. The API lists notes most
 * recently changed first, and each section keeps that order.
 */
export function notesSections(notes: readonly Note[], { staff, myGroupId, groups }: Viewer): NotesSection[] {
  const ofGroup = (groupId: string) => notes.filter((note) => note.scope === 'group' && note.groupId === groupId);
  const groupSections = staff
    ? groups.map((group) => ({
        id: group.id,
        heading: group.name,
        notes: ofGroup(group.id),
        empty: 'This group has no notes yet.',
      }))
    : groups
        .filter((group) => group.id === myGroupId)
        .map((group) => ({
          id: group.id,
          heading: `Your group: ${group.name}`,
          notes: ofGroup(group.id),
          empty: 'Your group has no notes yet. Open a reading and start its group note beside the text.',
        }));
  const personal = {
    id: 'personal',
    heading: 'Your personal notes',
    notes: notes.filter((note) => note.scope === 'personal'),
    empty: 'Only you can read your personal notes.',
  };
  return [...groupSections, personal];
}
