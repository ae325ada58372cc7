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
