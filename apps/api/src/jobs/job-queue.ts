/** One run of a job, as its handler sees it. */
export interface JobRun<T> {
  data: T;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
}

/**
 * A kind of background work: its name, its handler, and what happens when it keeps failing.
 * A handler must be idempotent: a run cut off by a crash or restart is run again.
 */
export interface JobQueue<T extends object> {
  name: string;
  /** Runs of one job after its first; a job that throws is retried with growing back-off. */
  retries: number;
  /** Seconds before the first retry; each later one waits about twice as long. */
  retryDelaySeconds: number;
  /** A run still going after this long is taken for lost (its server died) and is retried. */
  expireInSeconds: number;
  /** Jobs of this queue this process runs at once. */
  concurrency: number;
  /**
   * How often an idle worker looks for jobs that nothing woke it for (a run lost with its server).
   * A job sent, a held job come due and a retry wake the queue's workers in every process. Default 30 s.
   */
  pollSeconds?: number;
  /** For recurring work: a job with `data` once in every period of `seconds`, whichever servers are up. */
  every?: { seconds: number; data: T };
  run(job: JobRun<T>): Promise<void>;
  /**
   * Cuts this process's running jobs short when the server stops, for work that is better run
   * again later than waited for; their runs then throw and are retried.
   */
  interrupt?(): Promise<void>;
  /** Called once a job has failed its last retry (or was lost on its last), with the last error. */
  onFailed?(data: T, error: string): Promise<void>;
}

/** The handle a module gets back: how it sends work to its queue. */
export interface RegisteredQueue<T extends object> {
  /** Queues a job; `startAfter` holds it until then (a quiz attempt's deadline). */
  send(data: T, options?: SendOptions): Promise<void>;
}

export interface SendOptions {
  startAfter?: Date;
}
