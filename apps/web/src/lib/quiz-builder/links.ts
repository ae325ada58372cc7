import { resolve } from '$app/paths';

/** The pages of one quiz, by name: the one place their addresses are written. */
export type QuizPage = 'home' | 'edit' | 'preview' | 'suggestions' | 'statistics' | 'grading';

export function quizPageHref(courseId: string, quizId: string, page: QuizPage): string {
  const params = { courseId, quizId };
  switch (page) {
    case 'home':
      return resolve('/courses/[courseId]/quizzes/[quizId]', params);
    case 'edit':
      return resolve('/courses/[courseId]/quizzes/[quizId]/edit', params);
    case 'preview':
      return resolve('/courses/[courseId]/quizzes/[quizId]/preview', params);
    case 'suggestions':
      return resolve('/courses/[courseId]/quizzes/[quizId]/suggestions', params);
    case 'statistics':
      return resolve('/courses/[courseId]/quizzes/[quizId]/statistics', params);
    case 'grading':
      return resolve('/courses/[courseId]/quizzes/[quizId]/grading', params);
  }
}

export const questionBankHref = (courseId: string) => resolve('/courses/[courseId]/question-bank', { courseId });
