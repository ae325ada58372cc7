import type { Gradebook, GradebookCell, GradebookRow, GradeStatus } from '@commonplace/contracts';
import { sortedBy } from '../sorting';

/** A column to sort by: the student's name, a quiz (by its id), the total, or a participation figure. */
export type GradebookSort =
  | { kind: 'name' }
  | { kind: 'quiz'; quizId: string; index: number }
  | { kind: 'total' }
  | {
      kind: 'annotations';
    };

/** A column's name in the address: `name`, `total`, `annotations` or `quiz-<id>`. */
export const gradebookColumnName = (column: GradebookSort): string =>
  column.kind === 'quiz' ? `quiz-${column.quizId}` : column.kind;

/** The column of `book` that `name` names, if it has one (a quiz since deleted: none). */
export function gradebookColumnNamed(
  book: Pick<Gradebook, 'quizzes' | 'hasParticipation'>,
  name: string,
): GradebookSort | undefined {
  if (name === 'name' || name === 'total') return { kind: name };
  if (name === 'annotations') return book.hasParticipation ? { kind: name } : undefined;
  const index = book.quizzes.findIndex(
    (quiz) => gradebookColumnName({ kind: 'quiz', quizId: quiz.id, index: 0 }) === name,
  );
  return index < 0 ? undefined : { kind: 'quiz', quizId: book.quizzes[index]!.id, index };
}

export const STATUS_LABELS: Record<GradeStatus, string> = {
  'not-attempted': 'Not attempted',
  'in-progress': 'In progress',
  'needs-grading': 'Needs grading',
  graded: 'Graded',
  'awaiting-release': 'Not released yet',
};

/** What a cell shows: the grade when there is one, else its status. */
export const cellText = (cell: GradebookCell) =>
  cell.grade !== null ? String(cell.grade) : STATUS_LABELS[cell.status];

/**
 * The rows sorted by a column; a quiz column puts grades first (by grade), then the statuses;
 * ties keep the name order the server gave.
 */
export function sortedRows(rows: readonly GradebookRow[], sort: GradebookSort, descending: boolean): GradebookRow[] {
  const value = (row: GradebookRow): string | number => {
    if (sort.kind === 'name') return row.name.toLocaleLowerCase();
    if (sort.kind === 'total') return row.total;
    if (sort.kind === 'annotations') return row.participation?.annotations ?? 0;
    const cell = row.cells[sort.index];
    // Without a grade: below any grade, so descending puts the graded first.
    return cell?.grade ?? -1;
  };
  return sortedBy(rows, value, descending);
}
