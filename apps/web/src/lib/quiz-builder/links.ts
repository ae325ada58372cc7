/**
 * Addresses of the quiz pages other parts of the quiz work own (the quiz home, preview,
 * suggestions, statistics, grading, the question bank). Written out rather than resolved: the
 * typed resolve() knows only the routes of this app as built, and links must not wait on them.
 */
export type QuizPage = 'home' | 'preview' | 'suggestions' | 'statistics' | 'grading';

export function quizPageHref(courseId: string, quizId: string, page: QuizPage): string {
  const home = `/courses/${encodeURIComponent(courseId)}/quizzes/${encodeURIComponent(quizId)}`;
  return page === 'home' ? home : `${home}/${page}`;
}

export const questionBankHref = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/question-bank`;
