import {
  linesOf,
  type ParseResult,
  type ParsedQuestion,
  type PrintableQuestion,
  type PrintResult,
  type TextProblem,
} from './text-format.js';

/**
 * Moodle's Aiken format (https://docs.moodle.org/en/Aiken_format): single-choice questions only.
 *
 *   What is the capital of Kazakhstan?
 *   A. Almaty
 *   B) Astana
 *   ANSWER: B
 *
 * The question's text (its lines joined, where Moodle wants one), then options lettered `A. ` or
 * `A) `, then `ANSWER: ` and the right letter; questions apart by blank lines or simply one after
 * the other. Aiken has no points, feedback, title or passage: an exported question keeps its
 * prompt, options and answer, and an imported one is worth one point.
 */

const OPTION = /^([A-Z])[.)]\s+(.*)$/;
const ANSWER = /^ANSWER:\s*(.*)$/i;

interface Draft {
  line: number;
  prompt: string[];
  options: { letter: string; text: string }[];
}

export function parseAiken(text: string, category = ''): ParseResult {
  const questions: ParsedQuestion[] = [];
  const problems: TextProblem[] = [];
  let draft: Draft | null = null;
  // After a problem, the rest of that question is skipped up to its ANSWER line or a blank line.
  let skipping = false;
  const fail = (line: number, message: string) => {
    problems.push({ line: draft?.line ?? line, message });
    draft = null;
    skipping = true;
  };

  linesOf(text).forEach((raw, index) => {
    const number = index + 1;
    const line = raw.trim();
    if (!line) {
      if (draft && !skipping) fail(number, 'This question ends without its ANSWER: line.');
      draft = null;
      skipping = false;
      return;
    }
    const answer = ANSWER.exec(line);
    if (skipping) {
      if (answer) skipping = false;
      return;
    }
    const option = OPTION.exec(line);
    if (!draft) {
      if (answer || option) return fail(number, 'An option or ANSWER: line comes before any question text.');
      draft = { line: number, prompt: [line], options: [] };
    } else if (answer) {
      const letter = answer[1]!.trim().toUpperCase();
      const options = draft.options;
      if (options.length < 2) return fail(number, 'Give at least two options, lettered A. B. or A) B).');
      if (!/^[A-Z]$/.test(letter)) return fail(number, 'Write the answer as one letter, as in ANSWER: B.');
      if (!options.some((o) => o.letter === letter))
        return fail(number, `There is no option ${letter} to be the answer.`);
      questions.push({
        line: draft.line,
        input: {
          type: 'single-choice',
          prompt: draft.prompt.join('\n'),
          points: 1,
          options: options.map((o) => ({ text: o.text, correct: o.letter === letter })),
          category,
        },
      });
      draft = null;
    } else if (option) {
      if (draft.options.some((o) => o.letter === option[1]))
        return fail(number, `Option ${option[1]} appears twice: letter the options A, B, C, … once each.`);
      draft.options.push({ letter: option[1]!, text: option[2]!.trim() });
    } else if (draft.options.length > 0) {
      return fail(number, `Line ${number} is neither an option (A. or A) then a space) nor the ANSWER: line.`);
    } else draft.prompt.push(line);
  });
  if (draft && !skipping) fail(0, 'This question ends without its ANSWER: line.');
  return { questions, problems };
}

/** One line: Aiken reads a line break as the end of an option, and a blank line as the end of a question. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Writes single-choice questions as Aiken; any other type is a problem, left out of the text. */
export function printAiken(questions: PrintableQuestion[]): PrintResult {
  const parts: string[] = [];
  const problems: PrintResult['problems'] = [];
  questions.forEach((question, index) => {
    if (question.type !== 'single-choice') {
      problems.push({ index, message: 'Aiken holds only single-choice questions: export this one as GIFT.' });
      return;
    }
    const right = question.options.findIndex((o) => o.correct);
    parts.push(
      [
        oneLine(question.prompt),
        ...question.options.map((o, i) => `${LETTERS[i]}. ${oneLine(o.text)}`),
        `ANSWER: ${LETTERS[right]}`,
      ].join('\n'),
    );
  });
  return { text: parts.length ? `${parts.join('\n\n')}\n` : '', problems };
}
