import { questionCreate, type BankQuestion, type QuestionCreate, type StaffQuestion } from '@commonplace/contracts';
import type { BankQuestion as BankQuestionRow } from '@commonplace/db';
import { toStaffQuestion } from '../quizzes/question-views.js';

/** A bank row as a staff question (its place in no quiz), for the quiz core's patch rules. */
export const asStaffQuestion = (row: BankQuestionRow): StaffQuestion => toStaffQuestion({ ...row, position: 0 });

/** A bank row as staff see it, its config read through the same checked path as a quiz question's. */
export function toBankQuestion(row: BankQuestionRow): BankQuestion {
  const { id: _id, position: _position, ...question } = asStaffQuestion(row);
  return {
    ...question,
    id: row.id,
    courseId: row.courseId,
    title: row.title,
    category: row.category,
    tags: row.tags,
    readingVersion: row.readingVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/**
 * A stored question as the input that would make it again (its type's fields only), with its
 * option and pair ids left out, so that a copy gets ids of its own.
 */
export function inputOf(question: StaffQuestion | BankQuestion): QuestionCreate {
  const { id: _id, ...rest } = question as Record<string, unknown>;
  const withoutIds = (items: unknown) =>
    (items as Record<string, unknown>[]).map(({ id: _itemId, answerId: _answerId, ...item }) => item);
  if (Array.isArray(rest.options)) rest.options = withoutIds(rest.options);
  if (Array.isArray(rest.pairs)) rest.pairs = withoutIds(rest.pairs);
  return questionCreate.parse(rest);
}
