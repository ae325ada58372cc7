import { describe, expect, it } from 'vitest';
import { bankQuestionCreate } from '@commonplace/contracts';
import { parseAiken, printAiken } from './aiken.js';
import type { PrintableQuestion } from './text-format.js';

// Moodle's documented Aiken example, with both letter styles.
const MOODLE_SAMPLE = `What is the correct answer to this question?
A. Is it this one?
B. Maybe this answer?
C. Possibly this one?
D. Must be this one!
ANSWER: D

Which LMS has the most quiz import formats?
A) Moodle
B) ATutor
C) Claroline
D) Blackboard
E) WebCT
F) Ilias
ANSWER: A
`;

describe('parseAiken', () => {
  it('reads Moodle’s example as single-choice questions', () => {
    const { questions, problems } = parseAiken(MOODLE_SAMPLE, 'Week 1');
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.line)).toEqual([1, 8]);
    const [first, second] = questions.map((q) => bankQuestionCreate.parse(q.input));
    expect(first).toMatchObject({ type: 'single-choice', prompt: 'What is the correct answer to this question?' });
    expect(first!.type === 'single-choice' && first!.options.map((o) => o.correct)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(second).toMatchObject({ category: 'Week 1', points: 1 });
    expect(second!.type === 'single-choice' && second!.options.map((o) => o.text)).toEqual([
      'Moodle',
      'ATutor',
      'Claroline',
      'Blackboard',
      'WebCT',
      'Ilias',
    ]);
  });

  it('reads questions with no blank line between them, a lower-case answer, and CRLF', () => {
    const { questions, problems } = parseAiken('Q1?\r\nA. x\r\nB. y\r\nANSWER: b\r\nQ2?\r\nA. x\r\nB. y\r\nANSWER: A');
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.input.prompt)).toEqual(['Q1?', 'Q2?']);
  });

  it.each([
    ['an answer that is no option', 'Q?\nA. x\nB. y\nANSWER: C', 'no option C'],
    ['one option only', 'Q?\nA. x\nANSWER: A', 'at least two options'],
    ['no ANSWER line', 'Q?\nA. x\nB. y', 'without its ANSWER'],
    ['a stray line among the options', 'Q?\nA. x\nsomething\nB. y\nANSWER: A', 'neither an option'],
    ['a letter twice', 'Q?\nA. x\nA. y\nANSWER: A', 'appears twice'],
    ['an answer of two letters', 'Q?\nA. x\nB. y\nANSWER: AB', 'one letter'],
    ['options before any question', 'A. x\nB. y\nANSWER: A', 'before any question'],
  ])('refuses %s on the question’s line, and reads the rest', (_, question, message) => {
    const { questions, problems } = parseAiken(
      `Fine?\nA. a\nB. b\nANSWER: A\n\n${question}\n\nAlso?\nA. a\nB. b\nANSWER: B`,
    );
    expect(questions.map((q) => q.input.prompt)).toEqual(['Fine?', 'Also?']);
    expect(problems).toEqual([{ line: 6, message: expect.stringContaining(message) }]);
  });
});

describe('printAiken', () => {
  const choice = (prompt: string, texts: string[], right: number): PrintableQuestion => ({
    type: 'single-choice',
    prompt,
    points: 1,
    feedback: '',
    passage: null,
    options: texts.map((text, i) => ({ id: `${i}`, text, correct: i === right, feedback: '' })),
  });

  it('round-trips single-choice questions: prompt, options and answer', () => {
    const questions = [choice('Capital of Kazakhstan?', ['Almaty', 'Astana'], 1), choice('CPC?', ['a', 'b', 'c'], 0)];
    const { text, problems } = printAiken(questions);
    expect(problems).toEqual([]);
    expect(text).toBe('Capital of Kazakhstan?\nA. Almaty\nB. Astana\nANSWER: B\n\nCPC?\nA. a\nB. b\nC. c\nANSWER: A\n');
    const again = parseAiken(text).questions.map((q) => q.input);
    expect(again.map((q) => [q.prompt, q.options])).toEqual(
      questions.map((q) => [
        q.prompt,
        q.type === 'single-choice' && q.options.map(({ text, correct }) => ({ text, correct })),
      ]),
    );
  });

  it('writes a prompt of several lines on one, and leaves out other types as problems', () => {
    const essay = {
      type: 'essay',
      prompt: 'Why?',
      points: 1,
      feedback: '',
      passage: null,
      rubric: '',
    } as PrintableQuestion;
    const { text, problems } = printAiken([essay, choice('Line one\nline two', ['x', 'y'], 0)]);
    expect(text.startsWith('Line one line two\nA. x')).toBe(true);
    expect(problems).toEqual([{ index: 0, message: expect.stringContaining('only single-choice') }]);
  });
});
