// The demo course's first quiz: questions on the first week's readings taken from the question
// suggestions (as an instructor accepting them would), an essay with a rubric, and the attempts the
// class already submitted, with answers right, wrong and left out, one essay graded and one
// waiting, so that the quiz's statistics, the gradebook and the grading queue have something to show.
import type { Prisma, PrismaClient } from '@commonplace/db';
import { configFromInput } from '../apps/api/src/quizzes/question-input.js';
import { configOf } from '../apps/api/src/quizzes/question-views.js';
import { attemptScore } from '../apps/api/src/quizzes/quiz-rules.js';
import { scoreFor } from '../apps/api/src/quizzes/scoring.js';
import { suggestQuestions } from '../apps/api/src/quiz-suggestions/suggest.js';

// The contracts' types, by way of the API code that uses them (the seed depends on no more packages).
type QuizSuggestion = ReturnType<typeof suggestQuestions>[number];
type QuestionCreate = QuizSuggestion['question'];
type AnswerResponse = NonNullable<Parameters<typeof scoreFor>[2]>;

export const DEMO_QUIZ_TITLE = 'Week 1 check: pipelines, partners and numbers';

const ESSAY: QuestionCreate = {
  type: 'essay',
  prompt:
    'In a short paragraph: what does a “multi-vector” foreign policy mean in these two readings, and did Kazakhstan keep to it in 2022? Quote one passage that supports your answer.',
  points: 4,
  feedback: '',
  passage: null,
  rubric:
    '4: a definition in your own words (balance, not neutrality), a judgement on 2022, and a quoted passage that supports it. ' +
    '3: two of these. 2: a definition only. 1: an answer that restates the question.',
};

/**
 * Who answered what, question by question (the suggested questions in order): `r` right, `w`
 * wrong, `-` left blank. The essay is answered by those in ESSAYS alone. Aigerim has not taken
 * the quiz, so her login can.
 */
const ATTEMPTS = [
  { who: 'nurlan', answers: 'rrrwrrr', startedAt: '2027-02-04T10:05:00Z', minutes: 24 },
  { who: 'saule', answers: 'rwrrwr-', startedAt: '2027-02-04T17:40:00Z', minutes: 18 },
  { who: 'timur', answers: 'wrwrr-w', startedAt: '2027-02-05T09:15:00Z', minutes: 12 },
  { who: 'madina', answers: 'rrrrrwr', startedAt: '2027-02-05T20:30:00Z', minutes: 29 },
  { who: 'yerlan', answers: 'wwrw-rw', startedAt: '2027-02-06T08:00:00Z', minutes: 9 },
];

/** The essays written: Nurlan's graded, Madina's waiting in the grading queue. */
const ESSAYS: Record<string, { text: string; score?: number; feedback?: string }> = {
  nurlan: {
    text:
      'Multi-vector means keeping close ties with Russia, China and the West at once so that none of them has too much leverage. ' +
      'In 2022 Kazakhstan kept to it: it refused to recognise Donetsk and Luhansk but stayed in the EAEU and the CSTO, and looked for oil routes that bypass Russia. ' +
      'Jones shows the limit: “About 80 percent of its oil and gas is exported through Russia via the CPC.”',
    score: 3.5,
    feedback: 'A clear definition and a well-chosen passage. Say more about what the CSTO intervention owed Moscow.',
  },
  madina: {
    text:
      'It is a balancing act rather than neutrality. Tokayev balanced by pledging help to the EU on energy while avoiding an open break with Moscow, ' +
      'even after the court closed the CPC pipeline for 30 days.',
  },
};

interface DemoQuestion {
  input: QuestionCreate;
  readingVersion: number | null;
}

/**
 * The suggestions a reading gives, as the suggestions page offers them: the first few single
 * choices and the first cloze, so the quiz has both kinds.
 */
function fromSuggestions(suggestions: QuizSuggestion[], choices: number): QuestionCreate[] {
  const single = suggestions.filter((s) => s.question.type === 'single-choice').slice(0, choices);
  const cloze = suggestions.filter((s) => s.question.type === 'cloze').slice(0, 1);
  return [...single, ...cloze].map((s) => s.question);
}

/** A response to a question: its right answer, a wrong one, the student's essay, or none. */
function responseFor(input: QuestionCreate, mark: string, wrongIndex: number, who: string): AnswerResponse | null {
  if (input.type === 'essay') return ESSAYS[who]?.text ?? null;
  if (mark !== 'r' && mark !== 'w') return null;
  const right = mark === 'r';
  if (input.type === 'single-choice') {
    const wrong = input.options.filter((o) => !o.correct);
    return (right ? input.options.find((o) => o.correct)! : wrong[wrongIndex % wrong.length]!).id!;
  }
  if (input.type === 'cloze') return [right ? input.blanks[0]!.acceptedAnswers[0]! : 'not sure'];
  return null;
}

/**
 * Writes the quiz once: nothing if the course has a quiz of this title (a second start, or one
 * the instructor renamed and kept), or if the first week has no readings to ask about.
 * Returns whether it was written.
 */
export async function seedDemoQuiz(prisma: PrismaClient, courseId: string): Promise<boolean> {
  if (await prisma.quiz.count({ where: { courseId, title: DEMO_QUIZ_TITLE } })) return false;
  const week = await prisma.courseModule.findFirst({ where: { courseId }, orderBy: { position: 'asc' } });
  if (!week) return false;
  const assigned = await prisma.assignment.findMany({
    where: { moduleId: week.id },
    orderBy: { position: 'asc' },
    select: {
      reading: {
        select: {
          id: true,
          title: true,
          version: true,
          canonicalText: true,
          blocks: { select: { type: true, start: true, end: true }, orderBy: { index: 'asc' } },
        },
      },
    },
  });
  const questions: DemoQuestion[] = [];
  for (const [i, { reading }] of assigned.slice(0, 2).entries()) {
    const suggestions = suggestQuestions({
      readingId: reading.id,
      title: reading.title,
      text: reading.canonicalText,
      blocks: reading.blocks,
    });
    // The second reading (Jones) carries the pipeline figures: three of its choices, two of the first's.
    for (const input of fromSuggestions(suggestions, i === 0 ? 2 : 3))
      questions.push({ input, readingVersion: reading.version });
  }
  if (!questions.length) return false;
  questions.push({ input: ESSAY, readingVersion: null });

  const people = new Map(
    (
      await prisma.enrollment.findMany({
        where: { courseId },
        select: { userId: true, user: { select: { email: true } } },
      })
    ).map((e) => [e.user.email.split(/[.@]/)[0]!, e.userId] as const),
  );
  await prisma.$transaction(async (tx) => {
    const quiz = await tx.quiz.create({
      data: {
        courseId,
        moduleId: week.id,
        title: DEMO_QUIZ_TITLE,
        description: `${questions.length} questions on the first week’s readings, most of them drawn from the readings’ own figures. Thirty minutes, two attempts; answers shown once you submit.`,
        timeLimitMinutes: 30,
        attemptsAllowed: 2,
        releaseAnswers: 'AFTER_SUBMIT',
        publishedAt: new Date('2027-02-03T08:00:00Z'),
        readings: {
          create: assigned.slice(0, 2).map(({ reading }, position) => ({ readingId: reading.id, position })),
        },
      },
    });
    const rows = [];
    for (const [position, { input, readingVersion }] of questions.entries()) {
      // Option ids are given here, as the question route gives them, so answers can name them.
      const config = configFromInput(input);
      const stored = { ...input, ...config } as QuestionCreate;
      const row = await tx.quizQuestion.create({
        data: {
          quizId: quiz.id,
          position,
          type: input.type,
          prompt: input.prompt,
          points: input.points,
          config: config as Prisma.InputJsonValue,
          readingId: input.passage?.readingId ?? null,
          selector: (input.passage?.selector ?? undefined) as Prisma.InputJsonValue | undefined,
          readingVersion,
        },
      });
      rows.push({ row, stored });
    }
    for (const [s, attempt] of ATTEMPTS.entries()) {
      const userId = people.get(attempt.who);
      if (!userId) continue;
      const startedAt = new Date(attempt.startedAt);
      const submittedAt = new Date(startedAt.getTime() + attempt.minutes * 60_000);
      const answers = rows.flatMap(({ row, stored }, q) => {
        const response = responseFor(stored, attempt.answers[q] ?? '-', s + q, attempt.who);
        if (response === null) return [];
        const essay = ESSAYS[attempt.who];
        return [
          {
            questionId: row.id,
            response: response as Prisma.InputJsonValue,
            savedAt: submittedAt,
            autoScore: scoreFor(configOf(row), row.points, response).score,
            manualScore: row.type === 'essay' ? (essay?.score ?? null) : null,
            feedback: row.type === 'essay' ? (essay?.feedback ?? null) : null,
          },
        ];
      });
      await tx.quizAttempt.create({
        data: {
          quizId: quiz.id,
          courseId,
          userId,
          number: 1,
          status: 'SUBMITTED',
          open: null,
          startedAt,
          deadline: new Date(startedAt.getTime() + 30 * 60_000),
          submittedAt,
          score: attemptScore(answers),
          answers: { create: answers },
        },
      });
    }
  });
  return true;
}
