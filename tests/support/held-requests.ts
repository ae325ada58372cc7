import type { Page, Request, Route } from 'playwright-core';

/**
 * Holds back a page's requests to `url` (and of `method`, if given) until `release()`: what a person
 * sees and can do while an answer is on its way. `firstHeld` resolves once one is held; `count` is
 * how many were; `stop()` lets later ones through unheld.
 */
export async function holdRequests(
  page: Page,
  url: string | ((url: URL) => boolean),
  { method }: { method?: string } = {},
) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const firstHeld = new Promise<void>((resolve) => (holding = resolve));
  let count = 0;
  const held = (request: Request) => !method || request.method() === method;
  const handler = async (route: Route) => {
    if (held(route.request())) {
      count += 1;
      holding();
      await released;
    }
    await route.continue();
  };
  await page.route(url, handler);
  return {
    firstHeld,
    release,
    get count() {
      return count;
    },
    stop: () => page.unroute(url, handler),
  };
}
