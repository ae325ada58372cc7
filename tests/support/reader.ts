import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The reader's margin of annotations. */
export const marginOf = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

/** Selects `words` in the reading's text, as a reader dragging over them would. */
export async function select(page: Page, words: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, words);
}

/** Opens the reader and waits until its live channel is connected. */
export async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' });
  await expect.poll(() => marginOf(page).getByText('Live', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
}
