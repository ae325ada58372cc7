import { fail } from '@sveltejs/kit';
import { triageAction } from '@commonplace/contracts';
import { api, notFoundAsPage } from '$lib/server/api';
import { apiFailure, formValues, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = { courseId: event.params.courseId, readingId: event.params.readingId };
  return notFoundAsPage(async () => {
    const [reading, triage] = await Promise.all([
      api(event, 'getReading', params),
      api(event, 'annotationTriage', params),
    ]);
    const { id, title, version } = reading.data;
    return { reading: { id, title, version }, triage: triage.data };
  });
};

/** The action's body from the form: a move names the words selected in the current text. */
function actionFrom(values: Record<string, string>) {
  if (values.action !== 'move') return { action: values.action };
  const [start, end] = [Number(values.start), Number(values.end)];
  return {
    action: 'move',
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: values.exact ?? '', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

export const actions: Actions = {
  triage: async (event) => {
    const values = formValues(await event.request.formData());
    const annotationId = values.annotationId ?? '';
    const parsed = parseForm(triageAction, actionFrom(values), values);
    if (!parsed.ok) {
      const message = values.action === 'move' ? 'Select the words to place it on first.' : parsed.failure.data.message;
      return fail(400, { ...parsed.failure.data, message, annotationId });
    }
    try {
      const { data } = await api(event, 'triageAnnotation', { ...event.params, annotationId }, parsed.data);
      return { annotationId, done: data.anchorStatus };
    } catch (e) {
      const failure = apiFailure(e, values);
      return fail(failure.status, { ...failure.data, annotationId });
    }
  },
};
