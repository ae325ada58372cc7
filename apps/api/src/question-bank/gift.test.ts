import { describe, expect, it } from 'vitest';
import { bankQuestionCreate, questionConfig } from '@commonplace/contracts';
import { parseGift, printGift } from './gift.js';
import type { PrintableQuestion } from './text-format.js';

const inputs = (text: string) => parseGift(text).questions.map((q) => q.input);
const only = (text: string) => {
  const { questions, problems } = parseGift(text);
  expect(problems).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0]!.input;
};

// The examples of Moodle's GIFT documentation, as an instructor's file would have them.
const MOODLE_SAMPLE = `// question: 1 name: Grant's tomb
::Grant's tomb::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

Grant is {~buried =entombed ~living} in Grant's tomb.

Grant is buried in Grant's tomb.{F}

The sun rises in the east.{T}

Who's buried in Grant's tomb?{=no one =nobody}

Two plus two equals {=four =4}.

When was Ulysses S. Grant born?{#1822:5}

What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}.

What is the value of pi (to 3 decimal places)? {#3.141..3.142}.

Match the following countries with their corresponding capitals. {
    =Canada -> Ottawa
    =Italy  -> Rome
    =Japan  -> Tokyo
    =India  -> New Delhi
    }

Write a short biography of Dag Hammarskjöld. {}
`;

describe('parseGift on Moodle’s documented examples', () => {
  const [choice, missing, f, t, short, cloze, numeric, numeric2, range, matching, essay] = inputs(MOODLE_SAMPLE);

  it('reads every question, each a valid bank question', () => {
    const { questions, problems } = parseGift(MOODLE_SAMPLE);
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.line)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 27]);
    for (const q of questions) expect(bankQuestionCreate.safeParse(q.input).error).toBeUndefined();
  });

  it('reads a title and a single choice', () => {
    expect(choice).toMatchObject({
      type: 'single-choice',
      title: "Grant's tomb",
      prompt: "Who's buried in Grant's tomb?",
      points: 1,
      options: [
        { text: 'Grant', correct: false },
        { text: 'Jefferson', correct: false },
        { text: 'no one', correct: true },
      ],
    });
  });

  it('shows a missing word as a blank in the prompt', () => {
    expect(missing).toMatchObject({ type: 'single-choice', prompt: "Grant is _____ in Grant's tomb." });
  });

  it('reads true/false', () => {
    expect([f!.answer, t!.answer]).toEqual([false, true]);
    expect(f!.type).toBe('true-false');
  });

  it('reads a short answer, and one with words after it as a cloze of one blank', () => {
    expect(short).toMatchObject({ type: 'short-answer', acceptedAnswers: ['no one', 'nobody'], caseSensitive: false });
    expect(cloze).toMatchObject({
      type: 'cloze',
      text: 'Two plus two equals {{1}}.',
      blanks: [{ acceptedAnswers: ['four', '4'] }],
    });
  });

  it('reads numeric answers with a tolerance or a range', () => {
    expect(numeric).toMatchObject({ type: 'numeric', answer: 1822, tolerance: 5 });
    expect(numeric2).toMatchObject({ type: 'numeric', answer: 3.14159, tolerance: 0.0005 });
    expect(range!.type).toBe('numeric');
    expect(range!.answer).toBeCloseTo(3.1415);
    expect(range!.tolerance).toBeCloseTo(0.0005);
  });

  it('reads matching pairs and an essay', () => {
    expect(matching).toMatchObject({
      type: 'matching',
      pairs: [
        { prompt: 'Canada', answer: 'Ottawa' },
        { prompt: 'Italy', answer: 'Rome' },
        { prompt: 'Japan', answer: 'Tokyo' },
        { prompt: 'India', answer: 'New Delhi' },
      ],
    });
    expect(essay).toMatchObject({ type: 'essay', prompt: 'Write a short biography of Dag Hammarskjöld.' });
  });
});

describe('parseGift details', () => {
  it('reads weights as a multiple choice: right where the weight is positive', () => {
    const q = only(`What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}`);
    expect(q.type).toBe('multiple-choice');
    expect((q.options as { correct: boolean }[]).map((o) => o.correct)).toEqual([false, true, true, false]);
  });

  it('keeps per-option and general feedback', () => {
    const q = only(
      "What's between orange and green in the spectrum?{=yellow#right; good! ~red#wrong, it's yellow ####Yellow is next.}",
    );
    expect(q).toMatchObject({
      feedback: 'Yellow is next.',
      options: [
        { text: 'yellow', correct: true, feedback: 'right; good!' },
        { text: 'red', correct: false, feedback: "wrong, it's yellow" },
      ],
    });
  });

  it('unescapes reserved characters and \\n', () => {
    const q = only('Which answer equals 5?\\nPick one. \\{x\\} \\: \\#1 \\~ \\\\ {=3 \\= 2 + 3 ~2 \\= 1 + 2}');
    expect(q.prompt).toBe('Which answer equals 5?\nPick one. {x} : #1 ~ \\');
    expect((q.options as { text: string }[]).map((o) => o.text)).toEqual(['3 = 2 + 3', '2 = 1 + 2']);
  });

  it('sets categories from $CATEGORY, without Moodle’s context and top', () => {
    const { questions } = parseGift(
      `$CATEGORY: $course$/top/Week 1/Pipelines\n\nA?{T}\n\n$CATEGORY: Week 2\n\nB?{F}\n\n$CATEGORY:\n\nC?{T}`,
      'Imported',
    );
    expect(questions.map((q) => q.input.category)).toEqual(['Week 1/Pipelines', 'Week 2', 'Imported']);
  });

  it('reads Moodle’s tags and our extension comment, and ignores other comments', () => {
    const q = only(
      '// exported from Moodle\n// [tag:oil] [tag:week 1]\n// @commonplace {"points":3,"caseSensitive":true}\nWhich consortium?{=CPC}',
    );
    expect(q).toMatchObject({ tags: ['oil', 'week 1'], points: 3, caseSensitive: true });
  });

  it('strips a text-format marker and keeps multi-line prompts', () => {
    const q = only('::Q1::[markdown]First line\nsecond line{T}');
    expect(q).toMatchObject({ title: 'Q1', prompt: 'First line\nsecond line' });
  });

  it.each([
    ['a description with no answers', 'Just some text.', 'no answers in { }'],
    ['an unclosed answer block', 'Q?{=a ~b', 'never close'],
    ['partial credit on a single choice', 'Q?{=a ~%50%b ~c}', 'Partial credit'],
    ['two right answers with =', 'Q?{=a =b ~c}', 'Mark one answer right'],
    ['unequal weights', 'Q?{~%70%a ~%30%b ~c}', 'each right option counts the same'],
    ['weights that do not add up', 'Q?{~%50%a ~c}', 'add up to 50%'],
    ['no right answer', 'Q?{~a ~b}', 'Mark the right answer'],
    ['partial credit on a short answer', 'Q?{=a =%50%b}', 'Partial credit on a short answer'],
    ['feedback per short answer', 'Q?{=Paris#Right!}', 'no feedback per answer'],
    ['feedback on true/false', "Grant is buried in Grant's tomb.{FALSE#No one is buried there.}", 'true/false'],
    ['several numeric answers', 'Q?{#=1822:0 =%50%1822:2}', 'one right answer'],
    ['a numeric answer that is no number', 'Q?{#many}', 'not a number'],
    ['a backwards range', 'Q?{#5..1}', 'ends before it starts'],
    ['an unmatched matching answer', 'Q?{=a -> 1 =b -> 2 = -> 3}', 'nothing to match'],
    ['text before the first answer', 'Q?{maybe =a}', 'Start each answer'],
    ['a broken extension comment', '// @commonplace {points:2\nQ?{T}', 'not a JSON object'],
  ])('refuses %s with a problem on its line, and keeps the others', (_, question, message) => {
    const { questions, problems } = parseGift(`Fine?{T}\n\n// note\n${question}\n\nAlso fine?{F}`);
    expect(questions.map((q) => q.input.prompt)).toEqual(['Fine?', 'Also fine?']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(question.startsWith('//') ? 5 : 4);
    expect(problems[0]!.message).toContain(message);
  });

  it('leaves a prompt-less question to the schema, which names it', () => {
    const q = only('{T}');
    expect(bankQuestionCreate.safeParse(q).error?.issues[0]?.message).toBe('Write the question.');
  });

  it('reads Windows line endings and a byte-order mark', () => {
    expect(inputs('\uFEFFA?{T}\r\n\r\nB?{F}\r\n').map((q) => q.prompt)).toEqual(['A?', 'B?']);
  });
});

/** Stored questions, as the bank keeps them, of every type and with every field GIFT must carry. */
const stored = (): PrintableQuestion[] => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const base = { points: 1, feedback: '', passage: null, title: '', category: '', tags: [] as string[] };
  return [
    {
      ...base,
      type: 'single-choice',
      title: 'CPC: share',
      category: 'Week 1',
      tags: ['oil', 'pipelines'],
      prompt: 'What share of {Kazakh} oil goes through the CPC?\nPick one.',
      points: 2,
      feedback: 'See the # figures.',
      options: [
        { id: id(1), text: 'About 80%', correct: true, feedback: 'Yes = right' },
        { id: id(2), text: 'About 10%', correct: false, feedback: '' },
      ],
    },
    {
      ...base,
      type: 'multiple-choice',
      category: 'Week 1',
      prompt: 'Which are Caspian states?',
      options: [
        { id: id(1), text: 'Kazakhstan', correct: true, feedback: '' },
        { id: id(2), text: 'Iran', correct: true, feedback: '' },
        { id: id(3), text: 'Turkey', correct: false, feedback: 'No ~ coast' },
      ],
    },
    { ...base, type: 'true-false', category: 'Week 2', prompt: 'Astana is the capital.', answer: true },
    {
      ...base,
      type: 'short-answer',
      prompt: 'Name the consortium.',
      acceptedAnswers: ['CPC', 'Caspian Pipeline Consortium'],
      caseSensitive: true,
    },
    { ...base, type: 'numeric', prompt: 'How many km?', answer: -1510.5, tolerance: 0.25, feedback: 'Roughly.' },
    {
      ...base,
      type: 'cloze',
      prompt: 'Complete the sentence.',
      text: 'The pipeline ends at {{1}}, on the Black Sea.',
      blanks: [{ acceptedAnswers: ['Novorossiysk'], caseSensitive: false }],
    },
    {
      ...base,
      type: 'matching',
      prompt: 'Match the city to its country.',
      points: 3,
      pairs: [
        { id: id(1), prompt: 'Atyrau', answerId: id(4), answer: 'Kazakhstan' },
        { id: id(2), prompt: 'Baku', answerId: id(5), answer: 'Azerbaijan' },
      ],
    },
    {
      ...base,
      type: 'essay',
      prompt: 'Why route oil through Russia?',
      points: 5,
      rubric: 'Names two reasons.',
      passage: {
        readingId: id(9),
        selector: [
          { type: 'TextQuoteSelector', exact: 'kept logbooks', prefix: 'Keepers ', suffix: '.' },
          { type: 'TextPositionSelector', start: 8, end: 21 },
        ],
      } as unknown as PrintableQuestion['passage'],
    },
  ] as PrintableQuestion[];
};

/** A stored question as the input that would make it again: ids left out. */
function asInput(question: PrintableQuestion): Record<string, unknown> {
  const config = questionConfig.parse(question) as Record<string, unknown>;
  const strip = (items: unknown) =>
    (items as Record<string, unknown>[]).map(({ id: _id, answerId: _answerId, ...rest }) => rest);
  if (config.options) config.options = strip(config.options);
  if (config.pairs) config.pairs = strip(config.pairs);
  return {
    ...config,
    prompt: question.prompt,
    points: question.points,
    feedback: question.feedback,
    passage: question.passage,
    title: question.title,
    category: question.category,
    tags: question.tags,
  };
}

describe('printGift', () => {
  it('round-trips every type: export, then import, gives the same questions', () => {
    const { text, problems } = printGift(stored());
    expect(problems).toEqual([]);
    const parsed = parseGift(text);
    expect(parsed.problems).toEqual([]);
    const again = parsed.questions.map((q) => bankQuestionCreate.parse(q.input));
    expect(again).toEqual(stored().map((q) => bankQuestionCreate.parse(asInput(q))));
  });

  it('writes what Moodle reads: escapes, weights, categories', () => {
    const { text } = printGift(stored());
    expect(text).toContain('$CATEGORY: Week 1\n\n// [tag:oil] [tag:pipelines]\n// @commonplace {"points":2}\n');
    expect(text).toContain('::CPC\\: share::What share of \\{Kazakh\\} oil goes through the CPC?\\nPick one.{');
    expect(text).toContain('\t=About 80%#Yes \\= right');
    expect(text).toContain('\t~%50%Kazakhstan\n\t~%50%Iran\n\t~%-100%Turkey#No \\~ coast');
    expect(text).toContain('Astana is the capital.{TRUE}');
    expect(text).toContain('How many km?{#-1510.5:0.25####Roughly.}');
    expect(text).toContain('The pipeline ends at {=Novorossiysk}, on the Black Sea.');
    expect(text).toContain('Why route oil through Russia?{}');
  });

  it('writes a third as Moodle’s 33.33333', () => {
    const [, multiple] = stored();
    const three = {
      ...multiple!,
      options: [0, 1, 2, 3].map((n) => ({ id: `${n}`, text: `o${n}`, correct: n < 3, feedback: '' })),
    } as PrintableQuestion;
    expect(printGift([three]).text).toContain('~%33.33333%o0');
    expect(parseGift(printGift([three]).text).problems).toEqual([]);
  });

  it('leaves out a cloze of several blanks, as a problem', () => {
    const cloze = {
      ...stored()[5]!,
      text: '{{1}} and {{2}}',
      blanks: [
        { acceptedAnswers: ['a'], caseSensitive: false },
        { acceptedAnswers: ['b'], caseSensitive: false },
      ],
    } as PrintableQuestion;
    const { text, problems } = printGift([stored()[2]!, cloze]);
    expect(problems).toEqual([{ index: 1, message: expect.stringContaining('one blank per question') }]);
    expect(parseGift(text).questions).toHaveLength(1);
  });
});

describe('parseGift on anything', () => {
  it('never throws: every block is a question or a problem', () => {
    const pieces = [
      '{',
      '}',
      '=',
      '~',
      '#',
      '->',
      '::',
      '%50%',
      '\\',
      '\n',
      '\n\n',
      '// x',
      '$CATEGORY:',
      'a',
      ' ',
      '..',
      ':',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 500; run++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 30) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(() => parseGift(text)).not.toThrow();
    }
  });
});
