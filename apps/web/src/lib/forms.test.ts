// @vitest-environment happy-dom
import type { SubmitFunction } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { whileSending } from './forms';

type Submit = Parameters<SubmitFunction>[0];
type AfterSubmit = Parameters<Exclude<Awaited<ReturnType<SubmitFunction>>, void>>[0];

/** Sends a form through the enhance function and applies its answer with `update`. */
async function send(enhance: SubmitFunction, update: AfterSubmit['update']) {
  const after = await enhance({} as Submit);
  if (typeof after !== 'function') throw new Error('expected a function to apply the answer');
  await after({ update } as AfterSubmit);
}

describe('whileSending', () => {
  it('shows the form busy from sending until its answer is on the page', async () => {
    const states: boolean[] = [];
    const resets: (boolean | undefined)[] = [];
    await send(
      whileSending((busy) => states.push(busy)),
      async (options) => {
        expect(states).toEqual([true]);
        resets.push(options?.reset);
      },
    );
    expect(states).toEqual([true, false]);
    expect(resets).toEqual([true]);
  });

  it('keeps what was typed when asked to', async () => {
    const resets: (boolean | undefined)[] = [];
    await send(
      whileSending(() => {}, { reset: false }),
      async (options) => void resets.push(options?.reset),
    );
    expect(resets).toEqual([false]);
  });

  it('is not left busy when the answer cannot be applied', async () => {
    const states: boolean[] = [];
    await expect(
      send(
        whileSending((busy) => states.push(busy)),
        async () => {
          throw new Error('offline');
        },
      ),
    ).rejects.toThrow('offline');
    expect(states).toEqual([true, false]);
  });
});

describe("whileSending with reset: 'unless-edited'", () => {
  /** A comment form holding `typed`, sent through the enhance function; `meanwhile` runs before the answer is applied. */
  async function sendComment(typed: string, meanwhile: (field: HTMLTextAreaElement) => void, ok = true) {
    document.body.innerHTML =
      '<form><input type="hidden" name="noteId" value="n1"><textarea name="comment"></textarea></form>';
    const form = document.querySelector('form')!;
    const field = form.querySelector('textarea')!;
    field.value = typed;
    const states: boolean[] = [];
    const enhance = whileSending((busy) => states.push(busy), { reset: 'unless-edited' });
    const after = await enhance({ formElement: form, formData: new FormData(form) } as Submit);
    if (typeof after !== 'function') throw new Error('expected a function to apply the answer');
    meanwhile(field);
    const result = ok ? { type: 'success', status: 200 } : { type: 'failure', status: 400 };
    await after({ result, update: async () => {} } as unknown as AfterSubmit);
    expect(states).toEqual([true, false]);
    return field.value;
  }

  it('clears the form once the comment is posted', async () => {
    expect(await sendComment('First thought.', () => {})).toBe('');
  });

  it('keeps a next comment typed while the first was on its way', async () => {
    expect(await sendComment('First thought.', (field) => (field.value = 'Second thought.'))).toBe('Second thought.');
  });

  it('keeps the words of a comment that was refused', async () => {
    expect(await sendComment('Too long?', () => {}, false)).toBe('Too long?');
  });
});
