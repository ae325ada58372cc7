import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { api } from '$lib/server/api';
import { apiFailure, formValues } from '$lib/server/forms';
import { staffOnly } from '$lib/server/staff-only';
import { keyFromJson, parseTags } from '$lib/question-bank/bank';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'use the question bank');
  const { courseId, bankQuestionId } = event.params;
  return { question: (await api(event, 'getBankQuestion', { courseId, bankQuestionId })).data };
};

export const actions: Actions = {
  save: async (event) => {
    const { courseId, bankQuestionId } = event.params;
    const values = formValues(await event.request.formData());
    const { data: question } = await api(event, 'getBankQuestion', { courseId, bankQuestionId });
    const key = keyFromJson(values.key ?? '', question);
    if (!key.ok) {
      const fields: Record<string, string> = { key: key.message };
      return fail(400, { message: key.message, fields, values });
    }
    const points = Number(values.points);
    const patch = {
      title: values.title ?? '',
      category: values.category ?? '',
      tags: parseTags(values.tags ?? ''),
      prompt: values.prompt ?? '',
      points: values.points?.trim() && Number.isFinite(points) ? points : values.points,
      feedback: values.feedback ?? '',
      ...key.patch,
    };
    try {
      await api(event, 'updateBankQuestion', { courseId, bankQuestionId }, patch);
    } catch (e) {
      return apiFailure(e, values);
    }
    return { saved: true };
  },

  delete: async (event) => {
    const { courseId, bankQuestionId } = event.params;
    const values = formValues(await event.request.formData());
    try {
      await api(event, 'deleteBankQuestion', { courseId, bankQuestionId });
    } catch (e) {
      return apiFailure(e, values);
    }
    const search = new URLSearchParams({ deleted: bankQuestionId, label: (values.label ?? '').slice(0, 60) });
    redirect(303, `${resolve('/courses/[courseId]/question-bank', { courseId })}?${search}`);
  },
};
