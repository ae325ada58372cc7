import { redirect } from '@sveltejs/kit';
import { brokenPasswordRules, signupRequest } from '@commonplace/contracts';
import { fail } from '@sveltejs/kit';
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
    const password = String(form.get('password') ?? '');
    const parsed = parseForm(signupRequest, { name: values.name, email: values.email, password }, values);
    if (!parsed.ok) return parsed.failure;
    const broken = brokenPasswordRules(password);
    if (broken.length) {
      const message = `The password needs ${broken.join(', ')}.`;
      const fields: Record<string, string> = { password: message };
      return fail(400, { message, fields, values });
    }
    try {
      const { response } = await api(event, 'signup', {}, parsed.data);
      adoptSession(response, event.cookies, event.url.protocol === 'https:');
    } catch (error) {
      return apiFailure(error, values);
    }
    redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin, form.get('fragment')));
  },
};
