import type { QuizStatistics } from '@commonplace/contracts';
import { csvDocument } from '../annotation-insights/csv.js';

const percent = (value: number | null) => (value === null ? '' : (value * 100).toFixed(1));

/** One row per question, as Moodle's "quiz structure analysis" table, percentages as there. */
export function statisticsCsv(statistics: QuizStatistics): string {
  return csvDocument([
    [
      'Q#',
      'Type',
      'Question',
      'Points',
      'Attempts',
      'Facility index (%)',
      'Standard deviation (%)',
      'Discrimination index (%)',
      'Discriminative efficiency (%)',
      'Options chosen',
    ],
    ...statistics.questions.map((q, i) => [
      i + 1,
      q.type,
      q.prompt,
      q.points,
      q.attempts,
      percent(q.facility),
      percent(q.sd),
      percent(q.discrimination),
      percent(q.discriminativeEfficiency),
      (q.options ?? []).map((o) => `${o.correct ? '*' : ''}${o.text}: ${o.count}`).join('; '),
    ]),
  ]);
}
