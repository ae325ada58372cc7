import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For forms with a `due` datetime-local field: adds `tz`, the browser's offset from UTC on that
 * date, so the server reads the time as the person meant it.
 */
export const withTimeZone: SubmitFunction = ({ formData }) => {
  const due = formData.get('due');
  if (typeof due === 'string' && due) formData.set('tz', String(new Date(due).getTimezoneOffset()));
};
