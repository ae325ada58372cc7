import { fractionThrough } from './passage';

/** Reading counts as active this long after the last scroll, key, touch or pointer move. */
export const IDLE_AFTER_MS = 60_000;
/** The API refuses larger deltas, so that a stuck tab cannot inflate the time. */
const MAX_DELTA_SECONDS = 300;

/**
 * Counts active reading time: only while the page is visible and the reader did something in
 * the last minute. Every method takes the current time, so the clock stays outside.
 */
export class ActiveTime {
  private activeMs = 0;
  private lastTick: number;
  private lastActivity: number;
  private visible: boolean;

  constructor(now: number, visible = true) {
    this.lastTick = now;
    this.lastActivity = now;
    this.visible = visible;
  }

  /** Adds the active part of the time since the last call. */
  tick(now: number): void {
    if (this.visible) {
      const until = Math.min(now, this.lastActivity + IDLE_AFTER_MS);
      if (until > this.lastTick) this.activeMs += until - this.lastTick;
    }
    this.lastTick = Math.max(this.lastTick, now);
  }

  activity(now: number): void {
    this.tick(now);
    this.lastActivity = now;
  }

  /** Coming back to the tab counts as activity; leaving it stops the count. */
  setVisible(visible: boolean, now: number): void {
    this.tick(now);
    this.visible = visible;
    if (visible) this.lastActivity = now;
  }

  /** The whole seconds counted so far (at most the API's cap), keeping the fraction for later. */
  takeSeconds(now: number): number {
    this.tick(now);
    const seconds = Math.floor(this.activeMs / 1000);
    this.activeMs -= seconds * 1000;
    return Math.min(seconds, MAX_DELTA_SECONDS);
  }
}

export interface ProgressPayload {
  furthest: number;
  lastBlock: number;
  activeSecondsDelta: number;
}

/**
 * Where the reader is: the block at the top of the screen (to resume from) and the furthest
 * point of the text ever on screen. It only moves forward from what was already recorded.
 */
export class ReadingPosition {
  private visible = new Set<number>();
  private sent: { furthest: number; lastBlock: number };
  furthest: number;
  lastBlock: number;

  constructor(
    private readonly blockOffsets: ReadonlyArray<readonly [number, number]>,
    recorded: { furthest: number; lastBlock: number } | null,
  ) {
    this.furthest = recorded?.furthest ?? 0;
    this.lastBlock = recorded?.lastBlock ?? 0;
    this.sent = { furthest: this.furthest, lastBlock: this.lastBlock };
  }

  /** A block came on screen or left it. */
  seen(block: number, onScreen: boolean): void {
    if (onScreen) {
      this.visible.add(block);
      this.furthest = Math.max(this.furthest, fractionThrough(block, this.blockOffsets));
    } else {
      this.visible.delete(block);
    }
    if (this.visible.size) this.lastBlock = Math.min(...this.visible);
  }

  /** What to send now, or null when neither the position nor the time changed. */
  payload(activeSecondsDelta: number): ProgressPayload | null {
    const moved = this.furthest !== this.sent.furthest || this.lastBlock !== this.sent.lastBlock;
    if (!moved && activeSecondsDelta === 0) return null;
    this.sent = { furthest: this.furthest, lastBlock: this.lastBlock };
    return { furthest: this.furthest, lastBlock: this.lastBlock, activeSecondsDelta };
  }
}
