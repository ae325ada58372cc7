import { describe, expect, it } from 'vitest';
import type { StaffQuestion } from '@commonplace/contracts';
import {
  blankChoice,
  checkDraft,
  draftOf,
  linesOf,
  moved,
  newDraft,
  nextBlankMarker,
  questionPatchOf,
  questionPayload,
  syncedBlanks,
  type QuestionDraft,
} from './question-draft';

const OPTION_ID = '11111111-1111-4111-8111-111111111111';
const PAIR_ID = '22222222-2222-4222-8222-222222222222';

function draft(type: QuestionDraft['type'], fields: Partial<QuestionDraft>): QuestionDraft {
  return { ...newDraft(type), prompt: 'What?', ...fields };
}

describe('a draft becomes the question the server takes', () => {
  it('single choice: needs exactly one correct option, and keeps a saved option’s id', () => {
    const options = [
      { ...blankChoice(), id: OPTION_ID, text: 'Logbooks', correct: true, feedback: 'Yes: the keepers wrote them.' },
      { ...blankChoice(), text: 'Sheep' },
    ];
    const check = checkDraft(draft('single-choice', { options, points: '2' }));
    expect(check).toEqual({
      ok: true,
      question: expect.objectContaining({
        type: 'single-choice',
        points: 2,
        options: [
          { id: OPTION_ID, text: 'Logbooks', correct: true, feedback: 'Yes: the keepers wrote them.' },
          { text: 'Sheep', correct: false, feedback: '' },
        ],
      }),
    });
    const none = checkDraft(draft('single-choice', { options: options.map((o) => ({ ...o, correct: false })) }));
    expect(none).toEqual({ ok: false, errors: { options: 'Mark exactly one option correct.' } });
  });

  it('multiple choice: an empty option is named by its place', () => {
    const options = [
      { ...blankChoice(), text: 'A', correct: true },
      { ...blankChoice(), text: '  ' },
    ];
    const check = checkDraft(draft('multiple-choice', { options }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors['options.1.text']).toBe('Write the option.');
  });

  it('true/false: asks for the truth until it is chosen', () => {
    expect(checkDraft(draft('true-false', {}))).toEqual({
      ok: false,
      errors: { answer: 'Say whether the statement is true or false.' },
    });
    expect(checkDraft(draft('true-false', { truth: false }))).toMatchObject({ ok: true, question: { answer: false } });
  });

  it('short answer: one accepted answer per line, blank lines and spaces dropped', () => {
    const check = checkDraft(
      draft('short-answer', { acceptedAnswers: ' CPC \n\nCaspian Pipeline Consortium\n', caseSensitive: true }),
    );
    expect(check).toMatchObject({
      ok: true,
      question: { acceptedAnswers: ['CPC', 'Caspian Pipeline Consortium'], caseSensitive: true },
    });
    expect(checkDraft(draft('short-answer', { acceptedAnswers: '\n' }))).toMatchObject({
      ok: false,
      errors: { acceptedAnswers: 'Give at least one accepted answer.' },
    });
  });

  it('numeric: the answer and tolerance as numbers; an empty answer or a word is refused', () => {
    expect(checkDraft(draft('numeric', { numericAnswer: '80', tolerance: '0.5' }))).toMatchObject({
      ok: true,
      question: { answer: 80, tolerance: 0.5 },
    });
    expect(checkDraft(draft('numeric', { numericAnswer: '', tolerance: '' }))).toMatchObject({
      ok: false,
      errors: { answer: expect.any(String) },
    });
    expect(checkDraft(draft('numeric', { numericAnswer: 'eighty' })).ok).toBe(false);
    expect(checkDraft(draft('numeric', { numericAnswer: '80', tolerance: '-1' }))).toMatchObject({
      ok: false,
      errors: { tolerance: 'The tolerance cannot be negative.' },
    });
  });

  it('cloze: each blank its answers; a text whose blanks do not match is refused', () => {
    const blanks = [
      { answers: 'Caspian Pipeline Consortium\nCPC', caseSensitive: false },
      { answers: '80', caseSensitive: false },
    ];
    expect(checkDraft(draft('cloze', { clozeText: 'About {{2}}% goes through the {{1}}.', blanks }))).toMatchObject({
      ok: true,
      question: { blanks: [{ acceptedAnswers: ['Caspian Pipeline Consortium', 'CPC'] }, { acceptedAnswers: ['80'] }] },
    });
    const check = checkDraft(draft('cloze', { clozeText: 'Only {{1}} here.', blanks }));
    expect(check).toMatchObject({ ok: false, errors: { text: expect.stringContaining('{{1}} to {{2}}') } });
  });

  it('matching: pairs with their ids; fewer than two refused', () => {
    const pairs = [
      { key: 1, id: PAIR_ID, prompt: 'North', answer: 'cold' },
      { key: 2, prompt: 'South', answer: 'warm' },
    ];
    expect(questionPayload(draft('matching', { pairs }))).toMatchObject({
      pairs: [
        { id: PAIR_ID, prompt: 'North', answer: 'cold' },
        { prompt: 'South', answer: 'warm' },
      ],
    });
    expect(checkDraft(draft('matching', { pairs: pairs.slice(0, 1) }))).toMatchObject({
      ok: false,
      errors: { pairs: 'Give at least two pairs.' },
    });
  });

  it('essay: the rubric; points out of range are refused', () => {
    expect(checkDraft(draft('essay', { rubric: 'Names two keepers.', points: '5' }))).toMatchObject({
      ok: true,
      question: { rubric: 'Names two keepers.', points: 5 },
    });
    expect(checkDraft(draft('essay', { points: '-1' }))).toMatchObject({
      ok: false,
      errors: { points: 'Points cannot be negative.' },
    });
    expect(checkDraft(draft('essay', { points: '' })).ok).toBe(false);
  });

  it('a missing prompt is named', () => {
    expect(checkDraft({ ...newDraft('essay'), prompt: ' ' })).toMatchObject({
      ok: false,
      errors: { prompt: 'Write the question.' },
    });
  });
});

describe('a saved question comes back into its editor unchanged', () => {
  const saved: StaffQuestion[] = [
    {
      id: OPTION_ID,
      position: 0,
      prompt: 'Which?',
      points: 2,
      feedback: 'See the map.',
      passage: null,
      type: 'multiple-choice',
      options: [
        { id: OPTION_ID, text: 'A', correct: true, feedback: '' },
        { id: PAIR_ID, text: 'B', correct: false, feedback: 'Not B.' },
      ],
    },
    {
      id: OPTION_ID,
      position: 1,
      prompt: 'Fill',
      points: 1,
      feedback: '',
      passage: null,
      type: 'cloze',
      text: 'The {{1}}.',
      blanks: [{ acceptedAnswers: ['a', 'b'], caseSensitive: true }],
    },
    {
      id: OPTION_ID,
      position: 2,
      prompt: 'Match',
      points: 1,
      feedback: '',
      passage: null,
      type: 'matching',
      pairs: [
        { id: OPTION_ID, prompt: 'N', answerId: PAIR_ID, answer: 'cold' },
        { id: PAIR_ID, prompt: 'S', answerId: OPTION_ID, answer: 'warm' },
      ],
    },
    {
      id: OPTION_ID,
      position: 3,
      prompt: 'N',
      points: 1,
      feedback: '',
      passage: null,
      type: 'numeric',
      answer: 4,
      tolerance: 0,
    },
  ];
  it.each(saved)('$type', (question) => {
    const check = checkDraft(draftOf(question));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const { id: _id, position: _position, ...expected } = question;
    if (expected.type === 'matching') {
      expect(check.question).toMatchObject({ ...expected, pairs: expected.pairs.map(({ answerId: _a, ...p }) => p) });
    } else expect(check.question).toEqual(expected);
    expect(questionPatchOf(check.question)).not.toHaveProperty('type');
  });
});

describe('helpers', () => {
  it('linesOf trims and drops empty lines', () => {
    expect(linesOf('a\r\n b \n\n')).toEqual(['a', 'b']);
  });

  it('keeps the cloze blanks in step with the text, keeping what was typed', () => {
    const typed = [{ answers: 'one', caseSensitive: true }];
    expect(syncedBlanks('The {{1}} and the {{2}}.', typed)).toEqual([typed[0], { answers: '', caseSensitive: false }]);
    expect(syncedBlanks('No blanks.', typed)).toEqual([]);
    expect(nextBlankMarker('The {{1}} and the {{3}}.')).toBe('{{4}}');
    expect(nextBlankMarker('')).toBe('{{1}}');
  });

  it('moves an item up or down, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
