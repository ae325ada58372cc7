/** A document's derived fields wait at least this many times what their last refresh took. */
const SPACING = 50;
/** ...but never longer than this: search and backlinks catch up within it. */
const MAX_WAIT_MS = 30_000;
/**
 * Someone reading the fields (a search) has them refreshed at once, but at least this many times
 * what the last refresh took after it: searching again and again cannot keep the document thread
 * deriving a long document someone is writing.
 */
const CATCH_UP_SPACING = 5;

/**
 * Refreshes one live document's derived fields as often as their cost allows. Each refresh derives
 * the whole text in the document thread and writes it, with its search vector, to PostgreSQL: little
 * for a page of notes, far more for a document of 100,000 keystrokes, which Hocuspocus stores every
 * few seconds while anyone types in it, on the same cores that relay everyone's keystrokes. A
 * refresh asked for too soon after the last one runs once it is due, so the fields always end up
 * derived from the latest content. Refreshes run one at a time, in order; a failed one goes to
 * `reportFailure` (also one run once due, which nobody awaits) and is paced like any other.
 * Whoever reads the fields for a person (a search, a list of links) can `catchUp` past the pacing.
 */
export class PacedRefresh {
  private dueAt = 0;
  private trailing: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Refreshes asked for and not yet finished. */
  private pending = 0;
  /** The content changed since the last refresh was asked for. */
  private changedSinceRefresh = false;
  private catchUpDueAt = 0;
  /** Catch-ups asked for before they were due: they share one wait, ended early by any refresh. */
  private heldCatchUp: { timer: NodeJS.Timeout; release: () => void; done: Promise<void> } | undefined;
  private stopped = false;

  constructor(
    private readonly refresh: () => Promise<void>,
    private readonly reportFailure: (error: Error) => void,
  ) {}

  /** Now if it is due (or `now`), else once it is. */
  request({ now = false } = {}): Promise<void> {
    const wait = this.dueAt - Date.now();
    if (now || wait <= 0) return this.runNow();
    this.trailing ??= setTimeout(() => void this.runNow(), wait).unref();
    return Promise.resolve();
  }

  /** Runs a refresh still waiting, now: before the document unloads. */
  flush(): Promise<void> {
    return this.trailing ? this.runNow() : this.running;
  }

  /** The content changed: a refresh that began before it does not hold it. */
  changed(): void {
    this.changedSinceRefresh = true;
  }

  /** Whether the fields may not hold the latest content yet: it changed, or a refresh is under way. */
  get behind(): boolean {
    return this.changedSinceRefresh || this.pending > 0;
  }

  /**
   * Resolves once the fields hold the content as it is now: refreshed past the pacing if it changed
   * since the last refresh was asked for (once `CATCH_UP_SPACING` allows); else once the refresh
   * under way, if any, is done.
   */
  catchUp(): Promise<void> {
    if (this.stopped || !this.changedSinceRefresh) return this.running;
    const wait = this.catchUpDueAt - Date.now();
    if (wait <= 0) return this.runNow();
    if (!this.heldCatchUp) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const done = released.then(() => {
        this.heldCatchUp = undefined;
        return this.catchUp();
      });
      this.heldCatchUp = { timer: setTimeout(release, wait), release, done };
    }
    return this.heldCatchUp.done;
  }

  /** The document unloaded: nothing more is derived from it, and no one is kept waiting. */
  stop(): void {
    this.stopped = true;
    this.clearTrailing();
    this.releaseHeldCatchUp();
  }

  private clearTrailing(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
  }

  private releaseHeldCatchUp(): void {
    clearTimeout(this.heldCatchUp?.timer);
    this.heldCatchUp?.release();
  }

  private runNow(): Promise<void> {
    this.clearTrailing();
    this.pending += 1;
    // The refresh asked for now derives the content as it is when it begins, which holds this change.
    this.changedSinceRefresh = false;
    this.running = this.running.then(async () => {
      const started = performance.now();
      try {
        await this.refresh();
      } catch (error) {
        this.changedSinceRefresh = true;
        this.reportFailure(error as Error);
      } finally {
        this.pending -= 1;
      }
      const took = performance.now() - started;
      this.dueAt = Date.now() + Math.min(took * SPACING, MAX_WAIT_MS);
      this.catchUpDueAt = Date.now() + Math.min(took * CATCH_UP_SPACING, MAX_WAIT_MS);
    });
    // Catch-ups held until their due time wait for this refresh instead.
    this.releaseHeldCatchUp();
    return this.running;
  }
}
