import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startApp, type RunningApp } from './app.js';
import { keepScreenshotOnFailure } from './screenshots.js';

export interface EndToEnd {
  readonly app: RunningApp;
  readonly browser: Browser;
}

/**
 * For one end-to-end file: the whole app on a fresh database and a Chromium, started before its
 * tests and stopped after them, with screenshots and the app's log kept when a test fails.
 */
export function endToEnd(): EndToEnd {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    // The browser first: a missing Chromium then fails the file before an app process exists.
    browser = await launchBrowser();
    app = await startApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  keepScreenshotOnFailure(
    () => browser?.contexts().flatMap((c) => c.pages()) ?? [],
    () => app?.output() ?? '',
  );
  return {
    get app() {
      if (!app) throw new Error('The app is not started yet: use it inside a test.');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not started yet: use it inside a test.');
      return browser;
    },
  };
}
