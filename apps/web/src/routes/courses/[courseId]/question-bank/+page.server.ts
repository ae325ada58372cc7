import { fail, redirect } from '@sveltejs/kit';
import { BANK_IMPORT_BODY_LIMIT, bankFormat, type BankFormat } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import { apiFailure, formValues } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import { filtersOf, importProblems } from '$lib/question-bank/bank';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'use the question bank');
  const { courseId } = event.params;
  const filters = filtersOf(event.url.searchParams);
  const page = event.url.searchParams.get('page') ?? '1';
  const [bank, quizzes, readings] = await Promise.all([
    api(event, 'listBankQuestions', { courseId }, undefined, {
      ...filters,
      page: /^\d{1,5}$/.test(page) && page !== '0' ? page : '1',
    }),
    api(event, 'listQuizzes', { courseId }),
    api(event, 'listReadings', { courseId }),
  ]);
  return {
    bank: bank.data,
    filters,
    quizzes: quizzes.data.map(({ id, title, questionCount }) => ({ id, title, questionCount })),
    // For the passage picker of a question written here.
    readings: readings.data.map(({ id, title }) => ({ id, title })),
  };
};

/** The bank's address with the filters the person was looking at, and what to say next. */
function backToList(event: { url: URL }, extra: Record<string, string>): string {
  const search = new URLSearchParams(event.url.searchParams);
  for (const [key, value] of Object.entries(extra)) search.set(key, value);
  return `${event.url.pathname}?${search}`;
}

export const actions: Actions = {
  import: async (event) => {
    const form = await event.request.formData();
    const format: BankFormat = bankFormat.safeParse(form.get('format')).data ?? 'gift';
    const category = String(form.get('category') ?? '');
    let text = String(form.get('text') ?? '');
    const file = form.get('file');
    // Without JavaScript the file comes as it is; with it, the page has put its text in the box.
    if (!text.trim() && file instanceof File && file.size > 0) {
      if (file.size > BANK_IMPORT_BODY_LIMIT)
        return fail(413, {
          import: { message: 'The file is larger than 2 MB: split it into parts.', format, category },
        });
      text = await file.text();
    }
    const values = { format, category, text };
    try {
      const { data } = await api(event, 'importBankQuestions', { courseId: event.params.courseId }, values);
      return { imported: data.count };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
      const problems = e.code === 'BANK_IMPORT_INVALID' ? importProblems(e.fields) : [];
      const field = Object.values(e.fields)[0];
      const message = problems.length || !field ? e.message : `${e.message} ${field}`;
      return fail(e.status, { import: { message, problems, ...values } });
    }
  },

  delete: async (event) => {
    const values = formValues(await event.request.formData());
    try {
      await api(event, 'deleteBankQuestion', { courseId: event.params.courseId, bankQuestionId: values.id ?? '' });
    } catch (e) {
      return apiFailure(e, values);
    }
    redirect(303, backToList(event, { deleted: values.id ?? '', label: values.label ?? '' }));
  },

  restore: async (event) => {
    const values = formValues(await event.request.formData());
    try {
      await api(event, 'restoreBankQuestion', { courseId: event.params.courseId, bankQuestionId: values.undo ?? '' });
    } catch (e) {
      return apiFailure(e, values);
    }
    const search = new URLSearchParams(event.url.searchParams);
    search.delete('deleted');
    search.delete('label');
    redirect(303, `${event.url.pathname}?${search}`);
  },

  addToQuiz: async (event) => {
    const form = await event.request.formData();
    const quizId = String(form.get('quizId') ?? '');
    const bankQuestionIds = form.getAll('ids').map(String);
    if (!quizId) return fail(400, { add: { message: 'Choose the quiz to add the questions to.' } });
    if (!bankQuestionIds.length) return fail(400, { add: { message: 'Tick the questions to add first.' } });
    try {
      const { data } = await api(
        event,
        'addBankQuestionsToQuiz',
        { courseId: event.params.courseId, quizId },
        { bankQuestionIds },
      );
      return { added: { count: data.length, quizId } };
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) throw e;
      return fail(e.status, { add: { message: e.message } });
    }
  },
};
