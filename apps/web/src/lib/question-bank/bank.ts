import { routePath, type BankFormat, type BankQuestion, type QuestionType } from '@commonplace/contracts';

/** What each type is called on the page. */
export const TYPE_LABELS: Record<QuestionType, string> = {
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True/false',
  'short-answer': 'Short answer',
  numeric: 'Numeric',
  cloze: 'Cloze',
  matching: 'Matching',
  essay: 'Essay',
};

/** The key in a few words, for the list: what a right answer is. */
export function keySummary(question: BankQuestion): string {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const right = question.options.filter((o) => o.correct).map((o) => o.text);
      return `${question.options.length} options; right: ${right.join('; ')}`;
    }
    case 'true-false':
      return question.answer ? 'True' : 'False';
    case 'short-answer':
      return `Accepts: ${question.acceptedAnswers.join('; ')}`;
    case 'numeric':
      return question.tolerance ? `${question.answer} ± ${question.tolerance}` : String(question.answer);
    case 'cloze':
      return `${question.blanks.length} ${question.blanks.length === 1 ? 'blank' : 'blanks'}`;
    case 'matching':
      return `${question.pairs.length} pairs`;
    case 'essay':
      return question.rubric ? 'Graded by hand, with a rubric' : 'Graded by hand';
  }
}

/** Tags as typed in one field, comma-separated: trimmed, empty ones and repeats dropped. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

export interface ImportProblem {
  line: number;
  message: string;
}

/** An import refusal's fields (line number -> problems) as a list in line order. */
export function importProblems(fields: Record<string, string>): ImportProblem[] {
  return Object.entries(fields)
    .map(([line, message]) => ({ line: Number(line), message }))
    .filter((problem) => Number.isInteger(problem.line))
    .sort((a, b) => a.line - b.line);
}

export interface BankFilters {
  type?: string;
  category?: string;
  q?: string;
}

/** The filters of the page's address, as the API reads them (empty ones left out). */
export function filtersOf(search: URLSearchParams): BankFilters {
  const filters: BankFilters = {};
  for (const key of ['type', 'category', 'q'] as const) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The query of this list on another page of results (the undo note of a delete left behind). */
export function pageQuery(search: URLSearchParams, page: number): string {
  const next = new URLSearchParams(search);
  next.set('page', String(page));
  next.delete('deleted');
  next.delete('label');
  return next.toString();
}

/** The export download of the bank as the list filters it. */
export function exportHref(courseId: string, format: BankFormat, filters: BankFilters): string {
  const query = new URLSearchParams({ format, ...filters });
  return `${routePath('exportBankQuestions', { courseId })}?${query}`;
}

/** A format guessed from an uploaded file's name: Aiken files are plain .txt, GIFT ones .gift (or .txt). */
export function formatOfFile(name: string, current: BankFormat): BankFormat {
  return /\.gift$/i.test(name) ? 'gift' : current;
}

/**
 * The type's own fields of a question (its key) as the JSON the edit form shows: without the
 * ids a person need not see but an edit must keep, which `keyFromJson` puts back by position.
 */
export function keyJson(question: BankQuestion): string {
  const { type } = question;
  const key: Record<string, unknown> = {};
  if (type === 'single-choice' || type === 'multiple-choice')
    key.options = question.options.map(({ text, correct, feedback }) => ({ text, correct, feedback }));
  if (type === 'true-false' || type === 'numeric') key.answer = question.answer;
  if (type === 'numeric') key.tolerance = question.tolerance;
  if (type === 'short-answer')
    Object.assign(key, { acceptedAnswers: question.acceptedAnswers, caseSensitive: question.caseSensitive });
  if (type === 'cloze') Object.assign(key, { text: question.text, blanks: question.blanks });
  if (type === 'matching') key.pairs = question.pairs.map(({ prompt, answer }) => ({ prompt, answer }));
  if (type === 'essay') key.rubric = question.rubric;
  return JSON.stringify(key, null, 2);
}

/**
 * The key typed in the edit form as a patch, or a message saying why it is not JSON. Options and
 * pairs keep the ids of those at the same place, so saved answers in copies are not what changes.
 */
export function keyFromJson(
  text: string,
  question: BankQuestion,
): { ok: true; patch: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The answer key is not valid JSON: check the quotes, commas and brackets.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: 'The answer key must be a JSON object, in { }.' };
  const patch = { ...(value as Record<string, unknown>) };
  const withIds = (items: unknown, ids: string[]) =>
    Array.isArray(items)
      ? items.map((item, i) => (ids[i] && typeof item === 'object' && item ? { ...item, id: ids[i] } : item))
      : items;
  if ('options' in question && 'options' in patch)
    patch.options = withIds(
      patch.options,
      question.options.map((o) => o.id),
    );
  if ('pairs' in question && 'pairs' in patch)
    patch.pairs = withIds(
      patch.pairs,
      question.pairs.map((p) => p.id),
    );
  return { ok: true, patch };
}
