// On a slow connection people type before the page's script has arrived; what they typed must
// survive the script taking over the page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { endToEnd } from '../support/e2e.js';
import { holdRequests } from '../support/held-requests.js';

const e2e = endToEnd();

/** Opens a page with its scripts held back; the returned function lets them load. */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => Promise<void>> {
  const scripts = await holdRequests(page, '**/_app/immutable/**');
  await page.goto(path, { waitUntil: 'commit' });
  return async () => {
    scripts.release();
    await page.waitForLoadState('networkidle');
    await scripts.stop();
  };
}

describe('typing before the scripts load', () => {
  it('keeps what was typed into single- and multi-line fields, and submits it', async () => {
    const page = await (await e2e.browser.newContext({ baseURL: e2e.app.url })).newPage();
    let loadScripts = await openWithScriptsHeld(page, '/signup');
    await page.getByLabel('Full name').fill('Nurlan Early');
    await page.getByLabel('Email').fill('nurlan.early@example.test');
    await page.getByLabel('Password').fill('correct horse 7');
    await loadScripts();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Nurlan Early');
    expect(await page.getByLabel('Email').inputValue()).toBe('nurlan.early@example.test');
    expect(await page.getByLabel('Password').inputValue()).toBe('correct horse 7');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'My courses' }).waitFor();

    loadScripts = await openWithScriptsHeld(page, '/courses');
    await page.getByLabel('Title').fill('Steppe Routes');
    await page.getByLabel('Term').fill('Autumn 2027');
    await page.getByLabel('Description').fill('Ports, rails and the diplomacy between them.');
    await loadScripts();
    expect(await page.getByLabel('Description').inputValue()).toBe('Ports, rails and the diplomacy between them.');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.getByRole('heading', { name: 'Steppe Routes', level: 1 }).waitFor();
    expect(await page.getByText('Ports, rails and the diplomacy between them.').count()).toBe(1);
  });
});
