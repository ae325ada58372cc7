import { fail } from '@sveltejs/kit';
import { moduleCreate, moduleUpdate } from '@commonplace/contracts';
import { api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  addModule: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(moduleCreate, { title: values.title, startsOn: values.startsOn || null }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(event, 'createModule', { courseId: event.params.courseId }, parsed.data);
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: `Added “${parsed.data.title}”.` };
  },
  renameModule: async (event) => {
    const values = formValues(await event.request.formData());
    const parsed = parseForm(moduleUpdate, { title: values.title }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      await api(
        event,
        'updateModule',
        { courseId: event.params.courseId, moduleId: values.moduleId ?? '' },
        parsed.data,
      );
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: 'Renamed.' };
  },
  deleteModule: async (event) => {
    const values = formValues(await event.request.formData());
    try {
      await api(event, 'deleteModule', { courseId: event.params.courseId, moduleId: values.moduleId ?? '' });
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: 'Removed.' };
  },
  rotateCode: async (event) => {
    try {
      await api(event, 'rotateJoinCode', { courseId: event.params.courseId });
    } catch (error) {
      return apiFailure(error);
    }
    return { message: 'Issued a new join code; the old one no longer works.' };
  },
  setCode: async (event) => {
    const values = formValues(await event.request.formData());
    if (values.enabled !== 'true' && values.enabled !== 'false')
      return fail(400, { message: 'Choose on or off.', fields: {}, values });
    try {
      await api(event, 'setJoinCode', { courseId: event.params.courseId }, { enabled: values.enabled === 'true' });
    } catch (error) {
      return apiFailure(error, values);
    }
    return { message: values.enabled === 'true' ? 'Students can join with the code.' : 'Joining by code is off.' };
  },
};
