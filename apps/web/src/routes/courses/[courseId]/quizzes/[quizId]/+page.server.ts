import { redirect } from '@sveltejs/kit';
import type { StaffQuiz, StudentQuiz } from '@commonplace/contracts';
import { api, notFoundAsPage } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The quiz's home: a student's introduction and attempts, or staff's overview and attempts list. */
export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  const params = { courseId: event.params.courseId, quizId: event.params.quizId };
  return notFoundAsPage(async () => {
    const quiz = (await api(event, 'getQuiz', params)).data;
    const staff = course.role !== 'STUDENT';
    const [assignments, attempts] = await Promise.all([
      quiz.moduleId ? api(event, 'listAssignments', { courseId: params.courseId }) : null,
      staff ? api(event, 'listAttempts', params) : null,
    ]);
    // The readings of the quiz's week, to read before starting.
    const readings = (assignments?.data ?? [])
      .filter((a) => a.moduleId === quiz.moduleId)
      .map((a) => ({ id: a.reading.id, title: a.reading.title }));
    const module = course.modules.find((m) => m.id === quiz.moduleId)?.title ?? null;
    if (!attempts) return { view: 'student' as const, quiz: quiz as StudentQuiz, readings, module };
    return {
      view: 'staff' as const,
      quiz: quiz as StaffQuiz,
      readings,
      module,
      attempts: attempts.data,
      // The answers waiting for a grader: what the grading queue lists.
      waiting: attempts.data.reduce((sum, attempt) => sum + attempt.ungraded, 0),
    };
  });
};

export const actions: Actions = {
  /** Starts an attempt, or resumes the one in progress, and opens it. */
  start: async (event) => {
    const params = { courseId: event.params.courseId, quizId: event.params.quizId };
    let attemptId: string;
    try {
      attemptId = (await api(event, 'startAttempt', params)).data.id;
    } catch (e) {
      return apiFailure(e);
    }
    redirect(303, `/courses/${params.courseId}/quizzes/${params.quizId}/attempts/${attemptId}`);
  },
};
