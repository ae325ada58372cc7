import { loginRequest } from '@commonplace/contracts';
import { skipWhenSignedIn, startSession } from '$lib/server/account-session';
import { formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = skipWhenSignedIn;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = formValues(form);
    const parsed = parseForm(loginRequest, { email: values.email, password: form.get('password') }, values);
    if (!parsed.ok) return parsed.failure;
    return startSession(event, 'login', parsed.data, { values, fragment: form.get('fragment') });
  },
};
