import { describe, expect, it } from 'vitest';
import type { GradebookRow, MissedPassage } from '@commonplace/contracts';
import { blockSegments } from '../reading/segments';
import { cellText, gradebookColumnName, gradebookColumnNamed, sortedRows } from './gradebook-rows';
import { discriminationWords, facilityWords, percent, signedBar } from './indices';
import { missedMarks, missedPassageHref } from './missed-passages';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function miss(over: Partial<MissedPassage>): MissedPassage {
  return {
    quizId: id(1),
    quizTitle: 'Week 1 check',
    questionId: id(2),
    position: 0,
    prompt: 'What did the keepers keep?',
    readingId: id(3),
    readingTitle: 'Lighthouses',
    readingVersion: 2,
    start: 6,
    end: 19,
    exact: 'kept logbooks',
    attempts: 4,
    missed: 2,
    missRate: 0.5,
    ...over,
  };
}

describe('the indices in words and bars', () => {
  it('reads facility and discrimination as Moodle’s guidance does', () => {
    expect(facilityWords(0.5)).toBe('about right');
    expect(facilityWords(0.97)).toBe('extremely easy');
    expect(discriminationWords(-0.2)).toMatch(/^negative/);
    expect(discriminationWords(0.69)).toBe('very good');
    expect(discriminationWords(null)).toBe('not enough variation to say');
    expect(percent(0.6882, 1)).toBe('68.8%');
    expect(percent(null)).toBe('—');
  });

  it('draws a negative index left of the middle and a positive one right of it', () => {
    expect(signedBar(-0.5, 200, -1)).toEqual({ x: 50, width: 50 });
    expect(signedBar(0.5, 200, -1)).toEqual({ x: 100, width: 50 });
    expect(signedBar(0.25, 200, 0)).toEqual({ x: 0, width: 50 });
    expect(signedBar(3, 200, 0)).toEqual({ x: 0, width: 200 });
  });
});

describe('missed passages in the reader', () => {
  // Two blocks: "They kept logbooks." at 0–19 and "Storms came." at 21–33.
  const offsets = [
    [0, 19],
    [21, 33],
  ] as const;

  it('underlines a missed passage on the version shown and puts its miss rate after it', () => {
    const { highlights, markers } = missedMarks([miss({ start: 5, end: 18 })], 2, offsets);
    expect(highlights.get(0)).toEqual([{ start: 5, end: 18, kind: 'missed' }]);
    expect(markers.get(0)).toEqual([
      { offset: 18, label: '50%', title: 'Missed in 50% of attempts (2 of 4): question 1 of “Week 1 check”' },
    ]);
    const segments = blockSegments('They kept logbooks.', [], highlights.get(0), [], { missedMarkers: markers.get(0) });
    expect(segments.map((s) => s.kind)).toEqual(['text', 'text', 'missed', 'text']);
    expect(segments[1]).toEqual({ kind: 'text', text: 'kept logbooks', highlights: ['missed'] });
  });

  it('leaves out passages of another version and passages nobody has attempted yet', () => {
    const { highlights, markers } = missedMarks(
      [miss({ readingVersion: 1 }), miss({ attempts: 0, missRate: 0 })],
      2,
      offsets,
    );
    expect(highlights.size + markers.size).toBe(0);
  });

  it('gives one badge to a passage two questions test, with the higher rate and both in words', () => {
    const { markers } = missedMarks(
      [miss({ missRate: 0.25, missed: 1 }), miss({ position: 2, missRate: 0.75, missed: 3 })],
      2,
      offsets,
    );
    expect(markers.get(0)).toHaveLength(1);
    expect(markers.get(0)![0]!.label).toBe('75%');
    expect(markers.get(0)![0]!.title).toContain('question 3');
  });

  it('links to the reader on the passage, in its version', () => {
    expect(missedPassageHref('/courses/c/readings/r', miss({}))).toBe('/courses/c/readings/r?passage=6-19&version=2');
  });
});

describe('gradebook rows', () => {
  const row = (name: string, grade: number | null, status: GradebookRow['cells'][number]['status']): GradebookRow => ({
    userId: id(name.length),
    name,
    email: `${name}@example.test`,
    cells: [{ quizId: id(9), status, grade, attempts: grade === null ? 0 : 1 }],
    total: grade ?? 0,
    participation: null,
  });
  const rows = [row('Aida', 3, 'graded'), row('Bolat', null, 'needs-grading'), row('Chen', 4, 'graded')];

  it('sorts a quiz column by grade, the ungraded last when descending', () => {
    const names = (sorted: GradebookRow[]) => sorted.map((r) => r.name);
    expect(names(sortedRows(rows, { kind: 'quiz', quizId: id(9), index: 0 }, true))).toEqual(['Chen', 'Aida', 'Bolat']);
    expect(names(sortedRows(rows, { kind: 'name' }, true))).toEqual(['Chen', 'Bolat', 'Aida']);
  });

  it('shows a grade, or the status in words', () => {
    expect(cellText(rows[0]!.cells[0]!)).toBe('3');
    expect(cellText(rows[1]!.cells[0]!)).toBe('Needs grading');
  });

  it('names its columns in the address and finds them again, not a quiz the book no longer has', () => {
    const book = { quizzes: [{ id: id(8) }, { id: id(9) }], hasParticipation: false } as Parameters<
      typeof gradebookColumnNamed
    >[0];
    const quizColumn = { kind: 'quiz' as const, quizId: id(9), index: 1 };
    expect(gradebookColumnNamed(book, gradebookColumnName(quizColumn))).toEqual(quizColumn);
    expect(gradebookColumnNamed(book, gradebookColumnName({ kind: 'total' }))).toEqual({ kind: 'total' });
    expect(gradebookColumnNamed(book, `quiz-${id(7)}`)).toBeUndefined();
    expect(gradebookColumnNamed(book, 'annotations')).toBeUndefined();
  });
});
