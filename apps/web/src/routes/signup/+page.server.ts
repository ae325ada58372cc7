import { fail } from '@sveltejs/kit';
import { brokenPasswordRules, signupRequest } from '@commonplace/contracts';
import { skipWhenSignedIn, startSession } from '$lib/server/account-session';
import { formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = skipWhenSignedIn;

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
    return startSession(event, 'signup', parsed.data, { values, fragment: form.get('fragment') });
  },
};
