import type { StaffQuestion, StaffQuiz } from '@commonplace/contracts';
import type { ApiClient } from '../testing/api-client.js';
import { courseWithReading, targetOf } from '../annotations/annotation-fixtures.js';
import type { TestApi } from '../testing/test-api.js';

/** Secrets of the key: words that must never reach a student before release. */
export const SECRETS = {
  acceptedAnswer: 'logbook-of-storms',
  clozeAnswer: 'lamplighter-guild',
  rubric: 'Rubric: names two keepers',
  feedback: 'Feedback: reread the storm passage',
  optionFeedback: 'Option feedback: the keepers wrote it',
};

/** One question of every type, each worth its own points; the first tied to a passage. */
export function everyType(text: string, readingId: string) {
  return [
    {
      type: 'single-choice',
      prompt: 'What did the keepers keep?',
      points: 2,
      feedback: SECRETS.feedback,
      passage: { readingId, ...targetOf(text, 'kept logbooks') },
      options: [
        { text: 'Logbooks', correct: true, feedback: SECRETS.optionFeedback },
        { text: 'Sheep', correct: false },
        { text: 'Secrets', correct: false },
      ],
    },
    {
      type: 'multiple-choice',
      prompt: 'Which are true?',
      points: 2,
      options: [
        { text: 'A', correct: true },
        { text: 'B', correct: true },
        { text: 'C', correct: false },
      ],
    },
    { type: 'true-false', prompt: 'Lighthouses had keepers.', points: 1, answer: true },
    { type: 'short-answer', prompt: 'Name the record.', points: 1, acceptedAnswers: [SECRETS.acceptedAnswer] },
    { type: 'numeric', prompt: 'How many?', points: 1, answer: 42, tolerance: 1 },
    {
      type: 'cloze',
      prompt: 'Fill in.',
      points: 2,
      text: 'They joined the {{1}} and the {{2}}.',
      blanks: [{ acceptedAnswers: [SECRETS.clozeAnswer] }, { acceptedAnswers: ['harbour'] }],
    },
    {
      type: 'matching',
      prompt: 'Match.',
      points: 2,
      pairs: [
        { prompt: 'North', answer: 'cold' },
        { prompt: 'South', answer: 'warm' },
      ],
    },
    { type: 'essay', prompt: 'Why did it end?', points: 5, rubric: SECRETS.rubric },
  ];
}

export type QuizCast = Awaited<ReturnType<typeof courseWithReading>> & {
  quiz: StaffQuiz;
  questions: StaffQuestion[];
};

/** A course with a reading and a published quiz of every question type (settings as given). */
export async function publishedQuiz(t: TestApi, settings: Record<string, unknown> = {}): Promise<QuizCast> {
  const cast = await courseWithReading(t);
  const { courseId, instructor } = cast;
  const created = await instructor.call('createQuiz', { courseId }, { title: 'Week 1 check', ...settings });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const quizId = created.body.id as string;
  for (const question of everyType(cast.text, cast.readingId)) {
    const added = await instructor.call('createQuestion', { courseId, quizId }, question);
    if (added.status !== 201) throw new Error(JSON.stringify(added.body));
  }
  const published = await instructor.call('publishQuiz', { courseId, quizId });
  const quiz = published.body as StaffQuiz;
  return { ...cast, quiz, questions: quiz.questions! };
}

/** The right answer to each staff question, as a student would send it. */
export function rightResponse(question: StaffQuestion): unknown {
  switch (question.type) {
    case 'single-choice':
      return question.options.find((o) => o.correct)!.id;
    case 'multiple-choice':
      return question.options.filter((o) => o.correct).map((o) => o.id);
    case 'true-false':
      return String(question.answer);
    case 'short-answer':
      return question.acceptedAnswers[0];
    case 'numeric':
      return question.answer;
    case 'cloze':
      return question.blanks.map((b) => b.acceptedAnswers[0]);
    case 'matching':
      return Object.fromEntries(question.pairs.map((p) => [p.id, p.answerId]));
    case 'essay':
      return 'Because the lamps went electric.';
  }
}

/** A wrong answer to each staff question, naming nothing of the key. */
export function wrongResponse(question: StaffQuestion): unknown {
  switch (question.type) {
    case 'single-choice':
      return question.options.find((o) => !o.correct)!.id;
    case 'multiple-choice':
      return question.options.filter((o) => !o.correct).map((o) => o.id);
    case 'true-false':
      return String(!question.answer);
    case 'short-answer':
      return 'a guess';
    case 'numeric':
      return question.answer + 100;
    case 'cloze':
      return question.blanks.map(() => 'no idea');
    case 'matching':
      return Object.fromEntries(question.pairs.map((p, i, all) => [p.id, all[(i + 1) % all.length]!.answerId]));
    case 'essay':
      return 'I did not read it.';
  }
}

export const quizParams = (c: QuizCast, more: Record<string, string> = {}) => ({
  courseId: c.courseId,
  quizId: c.quiz.id,
  ...more,
});

export async function startAttempt(client: ApiClient, c: QuizCast) {
  return client.call('startAttempt', quizParams(c));
}
