import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { repoRoot } from '@commonplace/db';

const artifacts = join(repoRoot, 'tests/.artifacts');

/**
 * After a failing test, saves what each open page showed and prints what the app logged, so the
 * failure can be seen, not guessed.
 */
export function keepScreenshotOnFailure(pages: () => Page[], serverLog?: () => string): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    if (serverLog) console.error(`What the app printed:\n${serverLog()}`);
    mkdirSync(artifacts, { recursive: true });
    for (const [i, page] of pages().entries()) {
      if (page.isClosed()) continue;
      const file = join(artifacts, `${task.name.replace(/\W+/g, '-').slice(0, 80)}-${i}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`Screenshot of the failing page: ${file}`);
    }
  });
}
