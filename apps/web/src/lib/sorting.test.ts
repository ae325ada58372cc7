import { describe, expect, it } from 'vitest';
import { addressWithSort, directionOf, sortedBy, sortInAddress, sortOn, type TableSort } from './sorting';

type Column = 'name' | 'words';
const startsDescending = (column: Column) => column !== 'name';

describe('a sortable table', () => {
  it('sorts a figure largest first on the first click, and turns around on the next', () => {
    let sort: TableSort<Column> = { column: 'name', descending: false };
    sort = sortOn(sort, 'words', { startsDescending });
    expect(directionOf(sort, 'words')).toBe('descending');
    expect(directionOf(sort, 'name')).toBeUndefined();
    sort = sortOn(sort, 'words', { startsDescending });
    expect(directionOf(sort, 'words')).toBe('ascending');
    sort = sortOn(sort, 'name', { startsDescending });
    expect(directionOf(sort, 'name')).toBe('ascending');
  });

  it('knows a column by what it is, not which object names it', () => {
    type QuizColumn = { quizId: string };
    const same = (a: QuizColumn, b: QuizColumn) => a.quizId === b.quizId;
    let sort: TableSort<QuizColumn> = { column: { quizId: 'q1' }, descending: true };
    sort = sortOn(sort, { quizId: 'q1' }, { startsDescending: () => true, same });
    expect(directionOf(sort, { quizId: 'q1' }, same)).toBe('ascending');
  });

  it('keeps equal rows in their given order whichever way it sorts', () => {
    const rows = [
      { name: 'Ada', words: 3 },
      { name: 'Ben', words: 5 },
      { name: 'Cy', words: 3 },
    ];
    expect(sortedBy(rows, (row) => row.words, true).map((row) => row.name)).toEqual(['Ben', 'Ada', 'Cy']);
    expect(sortedBy(rows, (row) => row.words, false).map((row) => row.name)).toEqual(['Ada', 'Cy', 'Ben']);
  });

  it('reads back from the address the sort it wrote there, other parameters kept', () => {
    const columns: readonly Column[] = ['name', 'words'];
    const columnNamed = (name: string) => columns.find((column) => column === name);
    const fallback: TableSort<Column> = { column: 'name', descending: false };
    const url = addressWithSort(new URL('https://example.test/r?reading=r1'), 'words', { descending: true });
    expect(url.searchParams.get('reading')).toBe('r1');
    expect(sortInAddress(url.searchParams, columnNamed, fallback)).toEqual({ column: 'words', descending: true });
  });

  it('sorts by its first column when the address names no column of the table or no order', () => {
    const columnNamed = (name: string) => (name === 'words' ? ('words' as const) : undefined);
    const fallback: TableSort<Column> = { column: 'name', descending: false };
    for (const search of ['', '?sort=words', '?sort=words&order=sideways', '?sort=password&order=desc']) {
      expect(sortInAddress(new URLSearchParams(search), columnNamed, fallback)).toBe(fallback);
    }
  });
});
