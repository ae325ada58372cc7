import { describe, expect, it } from 'vitest';
import type { Note } from '@commonplace/contracts';
import { panelHref, panelQueryOf, panelView, type PanelContext } from './panel-view';
import { relativeTime } from './relative-time';

const READING = '00000000-0000-4000-8000-00000000000a';
const STEPPE = '00000000-0000-4000-8000-0000000000a1';
const CASPIAN = '00000000-0000-4000-8000-0000000000a2';

const note = (id: string, scope: Note['scope'], groupId: string | null, readingId: string | null = READING): Note => ({
  id,
  title: id,
  scope,
  groupId,
  readingId,
  documentName: `doc:${id}`,
  writable: true,
  updatedAt: '2027-03-01T12:00:00.000Z',
});

const notes = [
  note('steppe-reading', 'group', STEPPE),
  note('steppe-essay', 'group', STEPPE, null),
  note('caspian-reading', 'group', CASPIAN),
  note('mine-reading', 'personal', null),
  note('mine-other', 'personal', null, '00000000-0000-4000-8000-00000000000b'),
];
const student: PanelContext = { readingId: READING, notes, staff: false, groups: [], myGroupId: STEPPE };
const staff: PanelContext = {
  readingId: READING,
  notes,
  staff: true,
  groups: [
    { id: CASPIAN, name: 'Caspian' },
    { id: STEPPE, name: 'Steppe' },
  ],
  myGroupId: null,
};
const none = { scope: null, groupId: null, noteId: null };
const titles = (list: Note[]) => list.map((n) => n.title);

describe('panelView', () => {
  it("opens a student's group note on this reading first, with the group's other notes apart", () => {
    const view = panelView(none, student);
    expect(view).toMatchObject({ scope: 'group', groupId: STEPPE, open: { id: 'steppe-reading' } });
    expect(titles(view.onReading)).toEqual(['steppe-reading']);
    expect(titles(view.elsewhere)).toEqual(['steppe-essay']);
  });

  it('shows personal notes under Mine, and opens a linked note in its own tab', () => {
    const mine = panelView({ ...none, scope: 'personal' }, student);
    expect(titles(mine.onReading)).toEqual(['mine-reading']);
    expect(titles(mine.elsewhere)).toEqual(['mine-other']);
    expect(panelView({ ...none, noteId: 'mine-other' }, student)).toMatchObject({
      scope: 'personal',
      open: { id: 'mine-other' },
    });
  });

  it('ignores a note the user may not read, or one outside the tab', () => {
    expect(panelView({ ...none, noteId: 'nobody-knows' }, student).open?.id).toBe('steppe-reading');
    expect(panelView({ scope: 'group', groupId: null, noteId: 'mine-other' }, student).open?.id).toBe('steppe-reading');
  });

  it('lets staff switch groups, starting from the first group (in the course’s order) with notes on this reading', () => {
    expect(panelView(none, staff)).toMatchObject({ groupId: CASPIAN, open: { id: 'caspian-reading' } });
    const steppe = panelView({ ...none, groupId: STEPPE }, staff);
    expect(steppe).toMatchObject({ groupId: STEPPE, open: { id: 'steppe-reading' } });
    expect(titles(steppe.elsewhere)).toEqual(['steppe-essay']);
    expect(panelView({ ...none, groupId: 'not-a-group' }, staff).groupId).toBe(CASPIAN);
    // A group with no notes on this reading comes after one with some, whatever the course's order.
    const quiet = { ...staff, notes: notes.filter((n) => n.groupId !== CASPIAN) };
    expect(panelView(none, quiet).groupId).toBe(STEPPE);
  });
});

describe('panelHref', () => {
  it('keeps a highlighted passage and drops the hash', () => {
    const url = new URL('http://x/courses/c/readings/r?passage=1-9&note=old#b-3');
    expect(panelHref(url, { scope: 'group', noteId: 'n1' })).toBe(
      '/courses/c/readings/r?passage=1-9&note=n1&notes=group',
    );
    expect(panelHref(url, { groupId: 'g', noteId: null })).toBe('/courses/c/readings/r?passage=1-9&group=g');
  });

  it('makes an address the panel reads back as the same note', () => {
    const href = panelHref(new URL('http://x/courses/c/readings/r'), { scope: 'personal', groupId: 'g', noteId: 'n2' });
    expect(panelQueryOf(new URL(href, 'http://x').searchParams)).toEqual({
      scope: 'personal',
      groupId: 'g',
      noteId: 'n2',
    });
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2027-03-10T12:00:00Z');
  it('says when, as people do', () => {
    expect(relativeTime('2027-03-10T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2027-03-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2027-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2027-03-09T11:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2027-02-10T12:00:00Z', now)).toBe('4 weeks ago');
  });
});
