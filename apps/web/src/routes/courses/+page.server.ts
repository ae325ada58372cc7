import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { courseCreate, joinRequest } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm, type FormFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** Names the card a refusal belongs to: both forms post to this page, and each shows only its own. */
const refusedIn = <F extends 'join' | 'create'>(form: F, failure: ActionFailure<FormFailure>) =>
  fail(failure.status, { ...failure.data, form });

export const load: PageServerLoad = async (event) => ({ courses: (await api(event, 'listCourses')).data });

export const actions: Actions = {
  create: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(courseCreate, values, values);
    if (!parsed.ok) return refusedIn('create', parsed.failure);
    let courseId: string;
    try {
      courseId = (await api(event, 'createCourse', {}, parsed.data)).data.id;
    } catch (error) {
      return refusedIn('create', apiFailure(error, values));
    }
    redirect(303, `/courses/${courseId}`);
  },
  join: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(joinRequest, values, values);
    if (!parsed.ok) return refusedIn('join', parsed.failure);
    let courseId: string;
    try {
      courseId = (await api(event, 'joinCourse', {}, parsed.data)).data.id;
    } catch (error) {
      const refusal = apiFailure(error, values);
      // The API's whole sentence ("… Check it with your instructor.") is what the code field says.
      return refusedIn('join', fail(refusal.status, { ...refusal.data, fields: { code: refusal.data.message } }));
    }
    redirect(303, `/courses/${courseId}`);
  },
};
