import { invalidate } from '$app/navigation';
import { ActiveTime, ReadingPosition } from './progress';

/** How often progress is sent while reading; also sent when the page is hidden or left. */
const SEND_EVERY_MS = 20_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/**
 * A place counts as where the reader is, to resume from, once they stay there this long: scrolling
 * up to the course's tabs to leave is not reading at the top, and must not lose their place.
 */
const SETTLE_MS = 2000;

/**
 * The last block that starts above a line on the screen, by binary search (a few layout reads).
 * Used when a jump leaves no block in the band: above the text that is none (-1), past it the last.
 */
function lastBlockAbove(blocks: HTMLElement[], line: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.getBoundingClientRect().top <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found === -1 ? -1 : Number(blocks[found]!.dataset.block);
}

export interface TrackReadingOptions {
  /** The rendered blocks, each carrying `data-block="<index>"`. */
  blocks: HTMLElement[];
  blockOffsets: ReadonlyArray<readonly [number, number]>;
  recorded: { furthest: number; lastBlock: number } | null;
  /** The saveProgress route on this origin; the session cookie goes along. */
  progressUrl: string;
  /** The block at the top of the reading band, to follow the current section. */
  onTopBlock: (block: number) => void;
  onFurthest: (furthest: number) => void;
}

/**
 * Follows the reader through a text with IntersectionObservers (nothing runs on scroll) and
 * sends how far they got and for how long they were active, in batches and on leaving.
 */
export function trackReading(options: TrackReadingOptions): () => void {
  const { blocks, progressUrl } = options;
  const position = new ReadingPosition(options.blockOffsets, options.recorded);
  const time = new ActiveTime(Date.now(), document.visibilityState === 'visible');
  const blockOf = (el: Element) => Number((el as HTMLElement).dataset.block);

  let settled = position.lastBlock;
  let settling: ReturnType<typeof setTimeout> | undefined;
  const onScreen = new IntersectionObserver((entries) => {
    for (const entry of entries) position.seen(blockOf(entry.target), entry.isIntersecting);
    const reached = position.lastBlock;
    position.lastBlock = settled;
    clearTimeout(settling);
    settling = setTimeout(() => (settled = position.lastBlock = reached), SETTLE_MS);
    time.activity(Date.now());
    options.onFurthest(position.furthest);
  });

  // A band over the upper part of the screen, below the phone's sticky bar: the first block in it
  // is where the reader is.
  const inBand = new Set<number>();
  const band = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) inBand.add(blockOf(entry.target));
        else inBand.delete(blockOf(entry.target));
      }
      options.onTopBlock(inBand.size ? Math.min(...inBand) : lastBlockAbove(blocks, window.innerHeight * 0.4));
    },
    { rootMargin: '-80px 0px -60% 0px' },
  );
  for (const block of blocks) {
    onScreen.observe(block);
    band.observe(block);
  }

  const send = async (keepalive: boolean): Promise<void> => {
    const payload = position.payload(time.takeSeconds(Date.now()));
    if (!payload) return;
    await fetch(progressUrl, {
      method: 'PUT',
      keepalive,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    }).catch(() => {
      // Progress is best effort: a lost batch is made up by the next one's position.
    });
  };
  const onActivity = () => time.activity(Date.now());
  const onVisibility = () => {
    const visible = document.visibilityState === 'visible';
    time.setVisible(visible, Date.now());
    if (!visible) void send(true);
  };
  const onPageHide = () => void send(true);

  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  const timer = setInterval(() => void send(false), SEND_EVERY_MS);

  return () => {
    // Leaving within the app: the next page (the course home) may have loaded its data before
    // this last batch was saved, so pages that show progress load it again once it is.
    void send(true).then(() => invalidate('app:progress'));
    clearInterval(timer);
    clearTimeout(settling);
    onScreen.disconnect();
    band.disconnect();
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
  };
}
