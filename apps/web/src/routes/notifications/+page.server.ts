import { notificationsQuery } from '@commonplace/contracts';
import { api, ApiError } from '$lib/server/api';
import { apiFailure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const before = event.url.searchParams.get('before') ?? undefined;
  // A mangled or stale ?before= shows the first page rather than an error.
  const query = notificationsQuery.safeParse({ before }).success && before ? { before } : undefined;
  try {
    return { list: (await api(event, 'listNotifications', {}, undefined, query)).data, paged: Boolean(query) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'NOTIFICATION_NOT_FOUND') throw error;
    return { list: (await api(event, 'listNotifications')).data, paged: false };
  }
};

export const actions: Actions = {
  markAll: async (event) => {
    try {
      await api(event, 'markNotificationsRead', {}, { all: true });
    } catch (error) {
      return apiFailure(error);
    }
    return { message: 'All notifications are marked read.' };
  },
};
