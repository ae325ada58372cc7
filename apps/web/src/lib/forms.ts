import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For forms with a `due` datetime-local field: adds `tz`, the browser's offset from UTC on that
 * date, so the server reads the time as the person meant it.
 */
export const withTimeZone: SubmitFunction = ({ formData }) => {
  const due = formData.get('due');
  if (typeof due === 'string' && due) formData.set('tz', String(new Date(due).getTimezoneOffset()));
};

/**
 * A form's `use:enhance` that calls `sending(true)` as it is sent and `sending(false)` once its
 * answer is applied (a busy button, a disabled field); `reset: false` keeps what was typed after a
 * success.
 */
export function whileSending(sending: (busy: boolean) => void, { reset = true } = {}): SubmitFunction {
  return () => {
    sending(true);
    return async ({ update }) => {
      try {
        await update({ reset });
      } finally {
        sending(false);
      }
    };
  };
}
