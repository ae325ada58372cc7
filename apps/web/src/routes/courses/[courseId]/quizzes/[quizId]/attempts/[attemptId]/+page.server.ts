import { api, notFoundAsPage } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * An attempt: to take while in progress, its results once submitted. The time left is measured
 * here, on the server's clock, and counted down by the page from there.
 */
export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  const { courseId, quizId, attemptId } = event.params;
  return notFoundAsPage(async () => {
    // Reading the attempt also submits it if its time is up, so the quiz is read after.
    const attempt = (await api(event, 'getAttempt', { courseId, quizId, attemptId })).data;
    const quiz = (await api(event, 'getQuiz', { courseId, quizId })).data;
    const remainingMs = attempt.deadline ? Date.parse(attempt.deadline) - Date.now() : null;
    const studentName =
      course.role === 'STUDENT'
        ? undefined
        : (await api(event, 'listAttempts', { courseId, quizId })).data.find((a) => a.id === attemptId)?.userName;
    return { attempt, quiz, remainingMs, studentName, mine: course.role === 'STUDENT' };
  });
};

export const actions: Actions = {
  submit: async (event) => {
    const { courseId, quizId, attemptId } = event.params;
    try {
      await api(event, 'submitAttempt', { courseId, quizId, attemptId });
    } catch (e) {
      return apiFailure(e);
    }
    return { submitted: true };
  },
};
