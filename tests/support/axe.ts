// axe-core, the accessibility checker, run inside a page of the browser under test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string | null | undefined;
  help: string;
  elements: string[];
}

/** The serious and critical violations axe finds on the page as it is now. */
export async function seriousViolations(page: Page, options: RunOptions = {}): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the pages' CSP rightly refuses an injected <script>.
  await page.evaluate(axeSource);
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { ...options, resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        elements: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 120)}`),
      }));
  }, options);
}
