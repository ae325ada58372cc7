import { createHash } from 'node:crypto';
import {
  questionConfig,
  questionPassage,
  studentQuestion,
  type QuestionConfig,
  type QuestionPassage,
  type StaffQuestion,
  type StudentQuestion,
} from '@commonplace/contracts';

/** A question row as stored. */
export interface QuestionRow {
  id: string;
  position: number;
  type: string;
  prompt: string;
  points: number;
  config: unknown;
  readingId: string | null;
  selector: unknown;
  readingVersion?: number | null;
  passageUnplacedOn?: number | null;
}

/** The stored config with its type, checked: a row is only ever read through this. */
export function configOf(row: QuestionRow): QuestionConfig {
  return questionConfig.parse({ ...(row.config as object), type: row.type });
}

/** General feedback sits in the config beside the key, so it is released with it. */
export function feedbackOf(row: QuestionRow): string {
  const feedback = (row.config as { feedback?: unknown }).feedback;
  return typeof feedback === 'string' ? feedback : '';
}

export function passageOf(row: QuestionRow): QuestionPassage | null {
  if (!row.readingId || !row.selector) return null;
  return questionPassage.parse({ readingId: row.readingId, selector: row.selector });
}

export function toStaffQuestion(row: QuestionRow): StaffQuestion {
  const passage = passageOf(row);
  return {
    id: row.id,
    position: row.position,
    prompt: row.prompt,
    points: row.points,
    feedback: feedbackOf(row),
    passage,
    passageVersion: passage ? (row.readingVersion ?? null) : null,
    passageUnplaced: row.passageUnplacedOn != null,
    ...configOf(row),
  };
}

/**
 * The same order every time for one attempt (a reload shows what the student saw), different
 * between attempts: items sorted by a hash of the attempt's id and their own.
 */
export function shuffled<T>(items: readonly T[], seed: string, idOf: (item: T) => string): T[] {
  const rank = (item: T) =>
    createHash('sha256')
      .update(`${seed}:${idOf(item)}`)
      .digest('hex');
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ item }) => item);
}

/**
 * A question as the student taking `attemptId` sees it. Built field by field and then parsed with
 * the student schema, which has no field for the key: nothing of it can ride along.
 */
export function toStudentQuestion(row: QuestionRow, attemptId: string, shuffleOptions: boolean): StudentQuestion {
  const config = configOf(row);
  const base = { id: row.id, type: config.type, prompt: row.prompt, points: row.points };
  const order = <T>(items: T[], idOf: (item: T) => string) =>
    shuffleOptions ? shuffled(items, `${attemptId}:${row.id}`, idOf) : items;
  switch (config.type) {
    case 'single-choice':
    case 'multiple-choice':
      return studentQuestion.parse({
        ...base,
        options: order(config.options, (o) => o.id).map((o) => ({ id: o.id, text: o.text })),
      });
    case 'true-false':
      return studentQuestion.parse({
        ...base,
        options: [
          { id: 'true', text: 'True' },
          { id: 'false', text: 'False' },
        ],
      });
    case 'cloze':
      return studentQuestion.parse({ ...base, options: [], text: config.text, blanks: config.blanks.length });
    case 'matching':
      return studentQuestion.parse({
        ...base,
        items: order(config.pairs, (p) => p.id).map((p) => ({ id: p.id, text: p.prompt })),
        // Always shuffled: in the items' order they would give the matches away.
        options: shuffled(config.pairs, `${attemptId}:${row.id}:answers`, (p) => p.answerId).map((p) => ({
          id: p.answerId,
          text: p.answer,
        })),
      });
    default:
      return studentQuestion.parse({ ...base, options: [] });
  }
}
