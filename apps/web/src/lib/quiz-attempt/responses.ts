import type { AnswerResponse, StudentQuestion } from '@commonplace/contracts';

/**
 * A student's answer to each question type as the API takes it (`PUT …/answers/:questionId`),
 * built from what the inputs give, and read back to fill them.
 */

export type Matches = Record<string, string>;

/** Multiple choice: the chosen ids after a checkbox changes, in the options' order. */
export function toggledChoice(
  question: StudentQuestion,
  current: AnswerResponse | undefined,
  optionId: string,
  checked: boolean,
): string[] {
  const chosen = new Set(Array.isArray(current) ? current : []);
  if (checked) chosen.add(optionId);
  else chosen.delete(optionId);
  return question.options.map((o) => o.id).filter((id) => chosen.has(id));
}

/**
 * Numeric: what was typed, as a number; a comma may stand for the decimal point (as many write
 * it). Null while it is not a number yet (empty, "-", "1e"), so nothing unsaveable is sent.
 */
export function numericResponse(typed: string): number | null {
  const text = typed.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= 1e12 ? value : null;
}

/** A cloze's text cut at its blanks: text pieces and the blank (0-based) each one is, in order. */
export type ClozePiece = { kind: 'text'; text: string } | { kind: 'blank'; index: number };

export function clozePieces(text: string): ClozePiece[] {
  const pieces: ClozePiece[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{\{(\d{1,2})\}\}/g)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'blank', index: Number(match[1]) - 1 });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Cloze: one string per blank (empty for one left out), with blank `index` set to `value`. */
export function clozeResponse(blanks: number, current: AnswerResponse | undefined, index: number, value: string) {
  const given = Array.isArray(current) ? current : [];
  return Array.from({ length: blanks }, (_, i) => (i === index ? value : (given[i] ?? '')));
}

/** Matching: item id -> chosen answer id, the item dropped when its choice is cleared. */
export function matchedResponse(current: AnswerResponse | undefined, itemId: string, optionId: string): Matches {
  const matches: Matches = isMatches(current) ? { ...current } : {};
  if (optionId) matches[itemId] = optionId;
  else delete matches[itemId];
  return matches;
}

export function isMatches(response: AnswerResponse | undefined): response is Matches {
  return typeof response === 'object' && response !== null && !Array.isArray(response);
}

/** Whether a question counts as answered (for the navigator and the unanswered list on submit). */
export function isAnswered(question: StudentQuestion, response: AnswerResponse | undefined): boolean {
  if (response === undefined) return false;
  switch (question.type) {
    case 'multiple-choice':
      return Array.isArray(response) && response.length > 0;
    case 'numeric':
      return typeof response === 'number';
    case 'cloze':
      return Array.isArray(response) && response.some((blank) => blank.trim() !== '');
    case 'matching':
      return isMatches(response) && Object.keys(response).length > 0;
    default:
      return typeof response === 'string' && response.trim() !== '';
  }
}

/** Typing types are saved after a pause; a click on a choice at once. */
export function isTyped(question: StudentQuestion): boolean {
  return ['short-answer', 'numeric', 'cloze', 'essay'].includes(question.type);
}

/** An answer written out for the results, with option ids turned back into their text. */
export function describeResponse(question: StudentQuestion, response: AnswerResponse | null | undefined): string {
  if (response === undefined || response === null || response === '') return 'No answer';
  const text = (id: string, among = question.options) => among.find((o) => o.id === id)?.text ?? id;
  switch (question.type) {
    case 'single-choice':
    case 'true-false':
      return text(String(response));
    case 'multiple-choice':
      return Array.isArray(response) && response.length ? response.map((id) => text(id)).join('; ') : 'No answer';
    case 'cloze':
      return Array.isArray(response)
        ? response.map((blank, i) => `(${i + 1}) ${blank || '—'}`).join('  ')
        : 'No answer';
    case 'matching':
      if (!isMatches(response)) return 'No answer';
      return (question.items ?? [])
        .map((item) => `${item.text} → ${response[item.id] ? text(response[item.id]!) : '—'}`)
        .join('; ');
    default:
      return String(response);
  }
}
