import { answerGrade, type StaffQuiz } from '@commonplace/contracts';
import { api, notFoundAsPage } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import type { Actions, PageServerLoad } from './$types';

/** The grading queue (staff): answers waiting for a person, and the regrade. */
export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'grade a quiz');
  const params = { courseId: event.params.courseId, quizId: event.params.quizId };
  return notFoundAsPage(async () => {
    const [quiz, queue] = await Promise.all([api(event, 'getQuiz', params), api(event, 'gradingQueue', params)]);
    return { quiz: quiz.data as StaffQuiz, queue: queue.data };
  });
};

export const actions: Actions = {
  grade: async (event) => {
    const values = formValues(await event.request.formData());
    // An empty box is no number, not 0: the schema then says to enter one.
    const score = values.score?.trim() ? Number(values.score.replace(',', '.')) : undefined;
    const parsed = parseForm(answerGrade, { score, feedback: values.feedback ?? '' }, values);
    if (!parsed.ok) return parsed.failure;
    const params = {
      courseId: event.params.courseId,
      quizId: event.params.quizId,
      attemptId: values.attemptId ?? '',
      questionId: values.questionId ?? '',
    };
    try {
      await api(event, 'gradeAnswer', params, parsed.data);
    } catch (e) {
      return apiFailure(e, values);
    }
    return { graded: `${values.attemptId}:${values.questionId}`, message: `Graded ${values.studentName ?? ''}.` };
  },
  regrade: async (event) => {
    try {
      const changes = (
        await api(event, 'regradeQuiz', { courseId: event.params.courseId, quizId: event.params.quizId })
      ).data;
      return { changes };
    } catch (e) {
      return apiFailure(e);
    }
  },
};
