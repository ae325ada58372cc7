import { redirect } from '@sveltejs/kit';
import { loginRequest } from '@commonplace/contracts';
import { adoptSession, api } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import { safeNext } from '$lib/server/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form);
    const parsed = parseForm(loginRequest, { email: values.email, password: form.get('password') }, values);
    if (!parsed.ok) return parsed.failure;
    try {
      const { response } = await api(event, 'login', {}, parsed.data);
      adoptSession(response, event.cookies, event.url.protocol === 'https:');
    } catch (error) {
      return apiFailure(error, values);
    }
    redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin, form.get('fragment')));
  },
};
