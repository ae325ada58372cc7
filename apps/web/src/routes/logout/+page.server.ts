import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    try {
      await api(event, 'logout');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/');
  },
};
