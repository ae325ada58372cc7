import { statisticsAttempts } from '@commonplace/contracts';
import { api, notFoundAsPage } from '$lib/server/api';
import { staffOnly } from '$lib/server/staff-only';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await staffOnly(event, 'see quiz statistics');
  const params = { courseId: event.params.courseId, quizId: event.params.quizId };
  // An unknown choice in the address falls back to the default rather than failing the page.
  const asked = statisticsAttempts.safeParse(event.url.searchParams.get('attempts'));
  const query = asked.success ? { attempts: asked.data } : undefined;
  return notFoundAsPage(async () => {
    const [statistics, missed] = await Promise.all([
      api(event, 'quizStatistics', params, undefined, query),
      api(event, 'quizMissedPassages', params),
    ]);
    return { statistics: statistics.data, missed: missed.data };
  });
};
