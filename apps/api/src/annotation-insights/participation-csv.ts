import type { Participation } from '@commonplace/contracts';
import { csvDocument } from './csv.js';

const HEADER = [
  'Student',
  'Email',
  'Group',
  'Annotations',
  'Replies given',
  'Replies received',
  'Words',
  'Hidden by staff',
  'Coverage (%)',
  'First activity',
  'Last activity',
  'Active days',
];

/** The participation summary, one row per student. */
export function participationCsv(summary: Participation): string {
  return csvDocument([
    HEADER,
    ...summary.students.map((student) => [
      student.name,
      student.email,
      student.group ?? '',
      student.annotations,
      student.repliesGiven,
      student.repliesReceived,
      student.words,
      student.hidden,
      (student.coverage * 100).toFixed(1),
      student.firstActivityAt ?? '',
      student.lastActivityAt ?? '',
      student.activeDays,
    ]),
  ]);
}
