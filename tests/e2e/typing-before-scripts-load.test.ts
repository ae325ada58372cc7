// On a slow connection people type before the page's script has arrived; what they typed must
// survive the script taking over the page.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';

const e2e = endToEnd();

describe('typing before the scripts load', () => {
  it('keeps what was typed into the sign-up form, and signs up with it', async () => {
    const page = await (await e2e.browser.newContext({ baseURL: e2e.app.url })).newPage();
    let releaseScripts!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route('**/_app/immutable/**', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto('/signup', { waitUntil: 'commit' });
    await page.getByLabel('Full name').fill('Nurlan Early');
    await page.getByLabel('Email').fill('nurlan.early@example.test');
    await page.getByLabel('Password').fill('correct horse 7');

    releaseScripts();
    await page.waitForLoadState('networkidle');
    expect(await page.getByLabel('Full name').inputValue()).toBe('Nurlan Early');
    expect(await page.getByLabel('Email').inputValue()).toBe('nurlan.early@example.test');
    expect(await page.getByLabel('Password').inputValue()).toBe('correct horse 7');

    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
  });
});
