import { describe, expect, it } from 'vitest';
import type { Annotation } from '@commonplace/contracts';
import { forOlderText } from './older-text';

const OLD_TEXT = 'Trade grew quickly. Ports were dredged. Trade grew quickly. Posts merged.';

function annotation(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    courseId: '00000000-0000-4000-8000-000000000100',
    readingId: '00000000-0000-4000-8000-000000000200',
    parentId: null,
    rootId: null,
    author: { id: '00000000-0000-4000-8000-000000000300', name: 'Ada' },
    authorRole: 'student',
    visibility: 'course',
    groupId: null,
    groupName: null,
    body: 'A thought.',
    tags: [],
    mentions: [],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: OLD_TEXT.slice(start, end), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    quote: OLD_TEXT.slice(start, end),
    anchorStatus: 'anchored',
    pinned: false,
    endorsed: false,
    hidden: false,
    deleted: false,
    edited: false,
    read: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    can: { edit: false, delete: false, moderate: false, reply: true },
    ...extra,
  };
}

const ID = '00000000-0000-4000-8000-000000000001';
const SECOND_TRADE = OLD_TEXT.lastIndexOf('Trade grew quickly.');

describe('forOlderText', () => {
  it('keeps a thread on the passage it had in the text shown, with what else changed', () => {
    const shown = annotation(ID, SECOND_TRADE, SECOND_TRADE + 19);
    // In the new text the second copy moved to where the first copy is in the old one.
    const moved = annotation(ID, 0, 19, { body: 'Edited.', anchorStatus: 'triage', target: null });
    const taken = forOlderText([shown], moved);
    expect(taken.target).toEqual(shown.target);
    expect(taken.anchorStatus).toBe('anchored');
    expect(taken.body).toBe('Edited.');
  });

  it('lists a thread first seen on the new version without a place in the old text', () => {
    const taken = forOlderText([], annotation(ID, 0, 19));
    expect(taken.target).toBeNull();
    expect(taken.body).toBe('A thought.');
  });

  it('leaves replies as they come', () => {
    const reply = annotation(ID, 0, 0, { parentId: ID.replace(/1$/, '2'), target: null, quote: null });
    expect(forOlderText([], reply)).toBe(reply);
  });
});
