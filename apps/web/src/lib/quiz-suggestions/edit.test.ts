import { questionCreate, type QuestionCreate } from '@commonplace/contracts';
import { describe, expect, it } from 'vitest';
import { acceptedAnswers, editedQuestion, readDiscarded } from './edit';

const passage = {
  readingId: '2f0b8c52-3d4e-4b6a-9c1d-5e6f7a8b9c0d',
  selector: [
    { type: 'TextQuoteSelector', exact: 'About 80 percent of its oil', prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start: 10, end: 37 },
  ],
};
const choice = questionCreate.parse({
  type: 'single-choice',
  prompt: 'Which percentage completes this sentence?',
  passage,
  options: [
    { text: '35 percent', correct: false },
    { text: '80 percent', correct: true },
    { text: '75 percent', correct: false },
  ],
}) as QuestionCreate;
const cloze = questionCreate.parse({
  type: 'cloze',
  prompt: 'Fill in the blank.',
  text: 'About {{1}} of its oil',
  blanks: [{ acceptedAnswers: ['80 percent', '80%'] }],
  passage,
}) as QuestionCreate;

describe('editedQuestion', () => {
  it('keeps a suggestion as it is when nothing was changed', () => {
    expect(questionCreate.parse(editedQuestion(choice, {}))).toEqual(choice);
    expect(questionCreate.parse(editedQuestion(cloze, {}))).toEqual(cloze);
  });

  it("applies a new prompt, an option's new words and another right option, keeping the passage", () => {
    const edited = questionCreate.parse(
      editedQuestion(choice, { prompt: 'What share?', 'option-2': '70 percent', correct: '2' }),
    );
    expect(edited).toMatchObject({
      prompt: 'What share?',
      passage,
      options: [
        { text: '35 percent', correct: false },
        { text: '80 percent', correct: false },
        { text: '70 percent', correct: true },
      ],
    });
  });

  it("applies a cloze's new sentence and accepted answers, and lets the contracts refuse a lost blank or no answer", () => {
    const edited = editedQuestion(cloze, {
      text: 'Roughly {{1}} of the oil',
      accepted: '80 percent\n\n eighty percent \n80 percent',
    });
    expect(questionCreate.parse(edited)).toMatchObject({
      text: 'Roughly {{1}} of the oil',
      blanks: [{ acceptedAnswers: ['80 percent', 'eighty percent'] }],
    });
    expect(questionCreate.safeParse(editedQuestion(cloze, { text: 'No blank left' })).success).toBe(false);
    expect(questionCreate.safeParse(editedQuestion(cloze, { accepted: '\n \n' })).success).toBe(false);
  });
});

describe('acceptedAnswers and readDiscarded', () => {
  it('reads answers one per line', () => {
    expect(acceptedAnswers('a\r\nb\n\na')).toEqual(['a', 'b']);
  });

  it('reads back what was stored, and nothing from anything else', () => {
    expect(readDiscarded('["1-20","30-60"]')).toEqual(['1-20', '30-60']);
    expect(readDiscarded(null)).toEqual([]);
    expect(readDiscarded('{"a":1}')).toEqual([]);
    expect(readDiscarded('not json')).toEqual([]);
    expect(readDiscarded('[1,"2-3"]')).toEqual(['2-3']);
  });
});
