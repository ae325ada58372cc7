// Logging in and signing up as a browser meets them: where the forms send people afterwards,
// the headers and Content-Security-Policy pages carry, and login limits counted per browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createPrismaClient, type PrismaClient } from '@commonplace/db';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/app.js';
import { postJson, sessionCookie } from '../support/api.js';
import { PASSWORD } from '../support/people.js';
import type { Browser } from 'playwright-core';

let database: TestDatabase;
let prisma: PrismaClient;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url, 1);
  // Behind a proxy, as deployed: the browser's address is the X-Forwarded-For the proxy sets.
  app = await startApp({ env: { TRUST_PROXY: 'true' }, database: { kind: 'shared', database } });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await prisma?.$disconnect();
  await database?.drop();
});

let people = 0;
const newEmail = (name: string) => `${name}.${Date.now()}.${++people}@example.test`;

/** A browser of its own, at its own address as the proxy reports it. */
async function visitor(
  address = `198.51.100.${++people}`,
  userAgent?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: app.url,
    extraHTTPHeaders: { 'x-forwarded-for': address },
    ...(userAgent ? { userAgent } : {}),
  });
  return { context, page: await context.newPage() };
}

/** An account made through the API, with the session cookie it got. */
async function account(name: string): Promise<{ email: string; cookie: string }> {
  const email = newEmail(name);
  const response = await postJson(app.url, '/api/auth/signup', { name, email, password: PASSWORD });
  expect(response.status).toBe(201);
  return { email, cookie: sessionCookie(response) };
}

async function call(cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as Record<string, any>;
}

/** A course with one saved reading of several paragraphs, made by its instructor through the API. */
async function courseWithReading() {
  const instructor = await account('instructor');
  const course = await call(instructor.cookie, 'POST', '/api/courses', { title: 'Steppe Diplomacy', term: '2027' });
  const paragraphs = Array.from(
    { length: 30 },
    (_, i) => `Paragraph ${i + 1} of the reading says something about the routes across the steppe and the sea.`,
  );
  const base = `/api/courses/${course.id}`;
  const draft = await call(instructor.cookie, 'POST', `${base}/imports/paste`, {
    text: `The Caspian Crossing\n\n${paragraphs.join('\n\n')}`,
  });
  let status = draft.status as string;
  for (let i = 0; status === 'PROCESSING' && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await call(instructor.cookie, 'GET', `${base}/imports/${draft.id}`)).status;
  }
  const reading = await call(instructor.cookie, 'POST', `${base}/imports/${draft.id}/save`, {});
  return {
    instructor,
    courseId: course.id as string,
    joinCode: course.joinCode as string,
    readingId: reading.id as string,
  };
}

async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('after logging in or signing up', () => {
  it('never sends anyone to another site, whatever next says', async () => {
    const user = await account('redirected');
    for (const next of ['%2F%5Cevil.example', '%2F%09%2Fevil.example', 'https%3A%2F%2Fevil.example%2F']) {
      const { context, page } = await visitor();
      await page.goto(`/login?next=${next}`);
      await logIn(page, user.email);
      await page.getByRole('heading', { name: 'My courses' }).waitFor();
      expect(new URL(page.url()).origin).toBe(app.url);
      await context.close();
    }
    const { context, page } = await visitor();
    await page.goto('/signup?next=%2F%5Cevil.example');
    await page.getByLabel('Full name').fill('New Person');
    await page.getByLabel('Email').fill(newEmail('signup'));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    await context.close();
  });

  it('an invite link survives creating an account, and a paragraph link its anchor through login', async () => {
    const { courseId, joinCode, readingId } = await courseWithReading();

    const invited = await visitor();
    await invited.page.goto(`/join?code=${joinCode}`);
    await invited.page.getByRole('heading', { name: 'Log in' }).waitFor();
    await invited.page.getByRole('link', { name: 'Create an account' }).click();
    await invited.page.getByLabel('Full name').fill('Invited Student');
    await invited.page.getByLabel('Email').fill(newEmail('invited'));
    await invited.page.getByLabel('Password').fill(PASSWORD);
    await invited.page.getByRole('button', { name: 'Sign up' }).click();
    await invited.page.getByRole('heading', { name: 'Join a course' }).waitFor();
    expect(await invited.page.getByLabel('Join code').inputValue()).toBe(joinCode);
    await invited.page.getByRole('button', { name: 'Join course' }).click();
    await invited.page.getByRole('heading', { name: 'Steppe Diplomacy', level: 1 }).waitFor();
    await invited.context.close();

    // A staff member follows a link to paragraph 12 while logged out.
    const ta = await account('ta');
    const taUser = await prisma.user.findUniqueOrThrow({ where: { email: ta.email } });
    await prisma.enrollment.create({ data: { courseId, userId: taUser.id, role: 'TA' } });
    const linked = await visitor();
    await linked.page.goto(`/courses/${courseId}/readings/${readingId}#b-12`);
    await linked.page.getByRole('heading', { name: 'Log in' }).waitFor();
    await logIn(linked.page, ta.email);
    await linked.page.waitForURL((url) => url.pathname.endsWith(readingId));
    expect(new URL(linked.page.url()).hash).toBe('#b-12');
    await linked.page.locator('#b-12').waitFor();
    expect(await linked.page.locator('#b-12').textContent()).toContain('Paragraph');
    await linked.context.close();
  });
});

describe('every page answer', () => {
  it('carries the security headers and a nonce CSP, and the reader renders under it with no violation', async () => {
    const { instructor, courseId, readingId } = await courseWithReading();
    const { context, page } = await visitor();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });

    const login = await page.goto('/login');
    const loginHeaders = login!.headers();
    expect(loginHeaders['x-frame-options']).toBe('DENY');
    expect(loginHeaders['x-content-type-options']).toBe('nosniff');
    expect(loginHeaders['referrer-policy']).toBe('same-origin');
    const csp = loginHeaders['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    await logIn(page, instructor.email);
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
    const reader = await page.goto(`/courses/${courseId}/readings/${readingId}`);
    expect(reader!.headers()['cache-control']).toBe('private, no-store');
    expect(reader!.headers()['content-security-policy']).toMatch(/style-src 'self' 'nonce-[^']+'/);
    // The inlined stylesheets carry the page's nonce, so the reader is styled from its first paint.
    expect(await page.locator(`style[nonce]`).count()).toBeGreaterThan(0);
    await page.locator('#b-12').waitFor();
    // Chromium reports each inline script or style it refuses on the console.
    expect(violations).toEqual([]);
    // And it holds: a script slipped into the page is refused, and Chromium says so.
    await page.addScriptTag({ content: 'window.injected = true;' }).catch(() => undefined);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    // The app's scripts, answered before its hooks, are not to be sniffed either.
    const script = await page.locator('link[rel="modulepreload"]').first().getAttribute('href');
    const scriptAnswer = await fetch(new URL(script!, page.url()));
    expect(scriptAnswer.headers.get('content-type')).toMatch(/javascript/);
    expect(scriptAnswer.headers.get('x-content-type-options')).toBe('nosniff');
    await context.close();

    const api = await fetch(`${app.url}/api/health`);
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('login limits through the web pages', () => {
  it("count a stranger's wrong passwords against their own browser, not the owner's", async () => {
    const owner = await account('owner');
    const stranger = await visitor('203.0.113.10');
    await stranger.page.goto('/login');
    let refused = '';
    for (let i = 0; i < 12 && !refused; i++) {
      await logIn(stranger.page, owner.email, `wrong guess ${i}`);
      const alert = stranger.page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      if (/Too many attempts/.test(text)) refused = text;
      await stranger.page.goto('/login');
    }
    expect(refused).toMatch(/Try again in \d+ seconds?/);
    await stranger.context.close();

    const userAgent = 'OwnersBrowser/1.0 (e2e)';
    const own = await visitor('198.51.100.250', userAgent);
    await own.page.goto('/login');
    await logIn(own.page, owner.email);
    await own.page.getByRole('heading', { name: 'My courses' }).waitFor();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: owner.email } });
    const sessions = await prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.userAgent)).toContain(userAgent);
    await own.context.close();
  });
});
