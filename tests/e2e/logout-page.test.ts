// Someone logged in types /logout into the address bar (a GET): they get a page that logs them
// out with one button, not an error page.
import { describe, expect, it } from 'vitest';
import { endToEnd } from '../support/e2e.js';
import { signUpInBrowser } from '../support/people.js';

const e2e = endToEnd();

describe('the /logout address', () => {
  it('asks a logged-in person to confirm, then logs them out', async () => {
    const { page } = await signUpInBrowser(e2e.browser, e2e.app.url, 'Nurlan Student');
    const response = await page.goto('/logout');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Log out', level: 1 }).waitFor();
    expect(await page.getByText('You are logged in as Nurlan Student').count()).toBe(1);

    await page.getByRole('main').getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Log in' }).waitFor();
    await page.goto('/courses');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
