import type { Note } from '@commonplace/contracts';
import { expect, it } from 'vitest';
import { ABOUT_NO_READING, notesAbout, notesPerAbout, notesSections } from './notes-overview';

const CASPIAN = '00000000-0000-4000-8000-00000000000c';
const STEPPE = '00000000-0000-4000-8000-00000000000b';
const groups = [
  { id: STEPPE, name: 'Steppe' },
  { id: CASPIAN, name: 'Caspian' },
];
const note = (
  title: string,
  scope: Note['scope'],
  groupId: string | null = null,
  readingId: string | null = null,
): Note => ({
  id: `id-${title}`,
  title,
  scope,
  groupId,
  readingId,
  documentName: `doc:id-${title}`,
  writable: true,
  updatedAt: '2027-02-01T09:00:00.000Z',
});
const titles = (sections: ReturnType<typeof notesSections>) =>
  sections.map((section) => [section.heading, section.notes.map((n) => n.title)]);

it("shows a student their own group's notes and their personal notes, in the order the API gave", () => {
  const notes = [
    note('Debate prep', 'group', CASPIAN),
    note('Essay plan', 'personal'),
    note('Week 1', 'group', CASPIAN),
  ];
  expect(titles(notesSections(notes, { staff: false, myGroupId: CASPIAN, groups }))).toEqual([
    ['Your group: Caspian', ['Debate prep', 'Week 1']],
    ['Your personal notes', ['Essay plan']],
  ]);
});

it('gives a student in no group their personal notes alone', () => {
  const sections = notesSections([note('Essay plan', 'personal')], { staff: false, myGroupId: null, groups });
  expect(titles(sections)).toEqual([['Your personal notes', ['Essay plan']]]);
});

it("shows staff every group's notes in the course's order, a group without notes included", () => {
  const notes = [note('Caspian week 1', 'group', CASPIAN), note('My outline', 'personal')];
  const sections = notesSections(notes, { staff: true, myGroupId: null, groups });
  expect(titles(sections)).toEqual([
    ['Steppe', []],
    ['Caspian', ['Caspian week 1']],
    ['Your personal notes', ['My outline']],
  ]);
  expect(sections[0]!.empty).toBe('This group has no notes yet.');
});

it('narrows the notes to one reading, or to those about no one reading, keeping their order', () => {
  const CROSSING = '00000000-0000-4000-8000-0000000000a1';
  const notes = [
    note('Ports', 'group', CASPIAN, CROSSING),
    note('Essay plan', 'personal'),
    note('Railways', 'personal', null, CROSSING),
    note('Steppe routes', 'group', STEPPE, '00000000-0000-4000-8000-0000000000a2'),
  ];
  const named = (some: readonly Note[]) => some.map((n) => n.title);
  expect(named(notesAbout(notes, CROSSING))).toEqual(['Ports', 'Railways']);
  expect(named(notesAbout(notes, ABOUT_NO_READING))).toEqual(['Essay plan']);
  expect(named(notesAbout(notes, null))).toEqual(['Ports', 'Essay plan', 'Railways', 'Steppe routes']);
  // What the filter's choices say they hold: each reading's notes, and those about none.
  expect(Object.fromEntries(notesPerAbout(notes))).toEqual({
    [CROSSING]: 2,
    [ABOUT_NO_READING]: 1,
    '00000000-0000-4000-8000-0000000000a2': 1,
  });
});
