import {
  CLOZE_BLANK,
  questionCreate,
  type QuestionCreate,
  type QuestionPassage,
  type QuestionType,
  type StaffQuestion,
} from '@commonplace/contracts';

/**
 * A question as its editor holds it while staff write: text boxes as typed (points and numbers as
 * strings, accepted answers one per line), every type's fields in one shape so switching the type
 * of a new question keeps what was written.
 */
export interface ChoiceDraft {
  /** Stable across edits for the list's keys; `id` is the stored option's, once saved. */
  key: number;
  id?: string;
  text: string;
  correct: boolean;
  feedback: string;
}
export interface PairDraft {
  key: number;
  id?: string;
  prompt: string;
  answer: string;
}
export interface BlankDraft {
  /** One accepted answer per line. */
  answers: string;
  caseSensitive: boolean;
}
export interface QuestionDraft {
  type: QuestionType;
  prompt: string;
  points: string;
  feedback: string;
  passage: QuestionPassage | null;
  options: ChoiceDraft[];
  /** True/false: the statement's truth, null until chosen. */
  truth: boolean | null;
  acceptedAnswers: string;
  caseSensitive: boolean;
  numericAnswer: string;
  tolerance: string;
  clozeText: string;
  blanks: BlankDraft[];
  pairs: PairDraft[];
  rubric: string;
}

export const TYPE_LABELS: Record<QuestionType, string> = {
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  'short-answer': 'Short answer',
  numeric: 'Numeric',
  cloze: 'Cloze (fill the blanks)',
  matching: 'Matching',
  essay: 'Essay',
};

/** Moodle's rule, as the server scores it (scoring.ts), for the editor to state. */
export const PARTIAL_CREDIT_RULE =
  'Each correct option chosen earns its share of the points (1/k for k correct options); each wrong option chosen takes away 1/m (m wrong options). The score never goes below 0.';

let nextKey = 1;
const key = () => nextKey++;

export const blankChoice = (): ChoiceDraft => ({ key: key(), text: '', correct: false, feedback: '' });
export const blankPair = (): PairDraft => ({ key: key(), prompt: '', answer: '' });
export const blankBlank = (): BlankDraft => ({ answers: '', caseSensitive: false });

export function newDraft(type: QuestionType): QuestionDraft {
  return {
    type,
    prompt: '',
    points: '1',
    feedback: '',
    passage: null,
    options: [blankChoice(), blankChoice(), blankChoice()],
    truth: null,
    acceptedAnswers: '',
    caseSensitive: false,
    numericAnswer: '',
    tolerance: '0',
    clozeText: '',
    blanks: [],
    pairs: [blankPair(), blankPair(), blankPair()],
    rubric: '',
  };
}

/** A saved question in its editor. */
export function draftOf(question: StaffQuestion): QuestionDraft {
  const draft: QuestionDraft = {
    ...newDraft(question.type),
    prompt: question.prompt,
    points: String(question.points),
    feedback: question.feedback,
    passage: question.passage,
  };
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      draft.options = question.options.map((o) => ({ key: key(), ...o }));
      break;
    case 'true-false':
      draft.truth = question.answer;
      break;
    case 'short-answer':
      draft.acceptedAnswers = question.acceptedAnswers.join('\n');
      draft.caseSensitive = question.caseSensitive;
      break;
    case 'numeric':
      draft.numericAnswer = String(question.answer);
      draft.tolerance = String(question.tolerance);
      break;
    case 'cloze':
      draft.clozeText = question.text;
      draft.blanks = question.blanks.map((b) => ({
        answers: b.acceptedAnswers.join('\n'),
        caseSensitive: b.caseSensitive,
      }));
      break;
    case 'matching':
      draft.pairs = question.pairs.map((p) => ({ key: key(), id: p.id, prompt: p.prompt, answer: p.answer }));
      break;
    case 'essay':
      draft.rubric = question.rubric;
  }
  return draft;
}

/** Accepted answers written one per line: each line trimmed, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A number box: empty or not a number gives NaN, which the schema refuses with its own message. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The body of `createQuestion` the draft stands for, before the schema checks it. */
export function questionPayload(draft: QuestionDraft): Record<string, unknown> {
  const common = {
    type: draft.type,
    prompt: draft.prompt,
    points: numberOf(draft.points),
    feedback: draft.feedback,
    passage: draft.passage,
  };
  switch (draft.type) {
    case 'single-choice':
    case 'multiple-choice':
      return {
        ...common,
        options: draft.options.map((o) => ({
          ...(o.id ? { id: o.id } : {}),
          text: o.text,
          correct: o.correct,
          feedback: o.feedback,
        })),
      };
    case 'true-false':
      return { ...common, ...(draft.truth === null ? {} : { answer: draft.truth }) };
    case 'short-answer':
      return { ...common, acceptedAnswers: linesOf(draft.acceptedAnswers), caseSensitive: draft.caseSensitive };
    case 'numeric':
      return { ...common, answer: numberOf(draft.numericAnswer), tolerance: numberOf(draft.tolerance || '0') };
    case 'cloze':
      return {
        ...common,
        text: draft.clozeText,
        blanks: draft.blanks.map((b) => ({ acceptedAnswers: linesOf(b.answers), caseSensitive: b.caseSensitive })),
      };
    case 'matching':
      return {
        ...common,
        pairs: draft.pairs.map((p) => ({ ...(p.id ? { id: p.id } : {}), prompt: p.prompt, answer: p.answer })),
      };
    case 'essay':
      return { ...common, rubric: draft.rubric };
  }
}

export type DraftCheck = { ok: true; question: QuestionCreate } | { ok: false; errors: Record<string, string> };

/** The draft checked with the same schema the server uses: the question, or a message per field path. */
export function checkDraft(draft: QuestionDraft): DraftCheck {
  const parsed = questionCreate.safeParse(questionPayload(draft));
  if (parsed.success) return { ok: true, question: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return { ok: false, errors };
}

/** A saved question's PATCH: the whole question but its type, which cannot change. */
export function questionPatchOf(question: QuestionCreate): Omit<QuestionCreate, 'type'> {
  const { type: _type, ...patch } = question;
  return patch;
}

/** The blank numbers a cloze text marks, in the order they appear. */
export function blankNumbers(text: string): number[] {
  return [...text.matchAll(CLOZE_BLANK)].map((m) => Number(m[1]));
}

/**
 * The blanks' answer boxes kept in step with the text: one per blank up to the highest number
 * marked, the answers already typed kept by number.
 */
export function syncedBlanks(text: string, blanks: readonly BlankDraft[]): BlankDraft[] {
  const count = Math.max(0, ...blankNumbers(text));
  return Array.from({ length: count }, (_, i) => blanks[i] ?? blankBlank());
}

/** The marker for the next blank, to insert at the cursor: one past the highest in the text. */
export function nextBlankMarker(text: string): string {
  return `{{${Math.max(0, ...blankNumbers(text)) + 1}}}`;
}

/** The list with the item at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}
