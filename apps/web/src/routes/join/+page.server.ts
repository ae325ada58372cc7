import { redirect } from '@sveltejs/kit';
import { joinRequest } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(joinRequest, values, values);
    if (!parsed.ok) return parsed.failure;
    let courseId: string;
    try {
      courseId = (await api(event, 'joinCourse', {}, parsed.data)).data.id;
    } catch (error) {
      return apiFailure(error, values);
    }
    redirect(303, `/courses/${courseId}`);
  },
};
