import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const PASSWORD = 'correct horse 7';

export interface Person {
  name: string;
  email: string;
  context: BrowserContext;
  page: Page;
}

/** A new visitor in a browser context of their own (their own cookies), signed up through the UI. */
export async function signUpInBrowser(browser: Browser, baseUrl: string, name: string): Promise<Person> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.test`;
  await page.goto('/signup', { waitUntil: 'networkidle' });
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'My courses' }).waitFor();
  return { name, email, context, page };
}
