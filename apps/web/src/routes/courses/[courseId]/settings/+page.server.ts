import { error } from '@sveltejs/kit';
import { courseUpdate } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { course } = await event.parent();
  if (course.role !== 'INSTRUCTOR') {
    error(403, { message: 'Only the instructors of this course can change its settings.', code: 'FORBIDDEN' });
  }
};

export const actions: Actions = {
  save: async (event) => {
    const values = formValues(await event.request.formData());
    const input = { title: values.title, term: values.term, description: values.description ?? '' };
    const parsed = parseForm(courseUpdate, input, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(event, 'updateCourse', { courseId: event.params.courseId }, parsed.data);
    } catch (e) {
      return apiFailure(e, values);
    }
    return { message: 'Saved the course’s title, term and description.' };
  },
};
