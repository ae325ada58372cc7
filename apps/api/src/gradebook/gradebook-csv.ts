import type { Gradebook, GradeStatus } from '@commonplace/contracts';
import { csvDocument } from '../annotation-insights/csv.js';

const STATUS_WORDS: Record<GradeStatus, string> = {
  'not-attempted': 'not attempted',
  'in-progress': 'in progress',
  'needs-grading': 'needs grading',
  graded: '',
  'awaiting-release': 'awaiting release',
};

/**
 * One row per student: per quiz the grade (or, without one, what it waits for), the total, and
 * the participation columns when the course has annotations. Names are defused as formulas.
 */
export function gradebookCsv(book: Gradebook): string {
  const participation = book.hasParticipation ? ['Annotations', 'Replies given', 'Words', 'Coverage (%)'] : [];
  return csvDocument([
    ['Student', 'Email', ...book.quizzes.map((q) => `${q.title} (/${q.totalPoints})`), 'Total', ...participation],
    ...book.students.map((student) => [
      student.name,
      student.email,
      ...student.cells.map((cell) => (cell.grade !== null ? cell.grade : STATUS_WORDS[cell.status])),
      student.total,
      ...(student.participation
        ? [
            student.participation.annotations,
            student.participation.repliesGiven,
            student.participation.words,
            (student.participation.coverage * 100).toFixed(1),
          ]
        : []),
    ]),
  ]);
}
