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
 * answer is applied (a busy button, a disabled field). After a success the form is cleared:
 * `reset: false` keeps what was typed; `reset: 'unless-edited'` clears it only if it still holds
 * what was sent, so a next message typed while the first was on its way is not wiped.
 */
export function whileSending(
  sending: (busy: boolean) => void,
  { reset = true }: { reset?: boolean | 'unless-edited' } = {},
): SubmitFunction {
  return ({ formElement, formData }) => {
    sending(true);
    const sent = reset === 'unless-edited' ? [...formData.entries()] : [];
    return async ({ result, update }) => {
      try {
        await update({ reset: reset === true });
        if (reset === 'unless-edited' && result.type === 'success' && holds(formElement, sent)) formElement.reset();
      } finally {
        sending(false);
      }
    };
  };
}

function holds(form: HTMLFormElement, entries: [string, FormDataEntryValue][]): boolean {
  const now = [...new FormData(form).entries()];
  return (
    now.length === entries.length &&
    now.every(([name, value], i) => entries[i]?.[0] === name && entries[i]?.[1] === value)
  );
}
