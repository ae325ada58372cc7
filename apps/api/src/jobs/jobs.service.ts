import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PgChannel } from '../common/pg-channel.js';
import type { JobQueue, RegisteredQueue, SendOptions } from './job-queue.js';

/** How long a stopping server lets running jobs finish; the rest are failed, and so retried later. */
const SHUTDOWN_GRACE_MS = 5_000;
/** Where a job that failed its last retry goes, for its queue's `onFailed`. */
const failedQueueName = (name: string) => `${name}__failed`;
/**
 * How often an idle worker polls when its queue does not say. Sent jobs, held jobs come due and
 * retries wake the workers, in this process and (by NOTIFY) in the others; polling finds what
 * nothing woke them for: a job whose server died while running it, a wake-up lost with a connection.
 * Each poll is a query, and every queue has its workers in every process: at pg-boss's usual
 * second or two an idle server queried the database ten times a second, and the edits that
 * arrived during a poll waited for it.
 */
const IDLE_POLL_SECONDS = 30;
/** The channel on which a process tells the others which queue has work. */
const WAKE_CHANNEL = 'commonplace_jobs';
/** The longest delay a Node timer takes (about 24.8 days): a job due later is left to polling. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** After a held job's time, so that the database's clock too has passed it. */
const DUE_MARGIN_MS = 100;
/** The throttle key of a queue's recurring job. */
const RECURRING_KEY = 'every';

/**
 * Owns the PostgreSQL-backed job queue (pg-boss, in the `pgboss` schema of the app's database):
 * started with the app, stopped gracefully with it. Every kind of background work registers here
 * with its retries and back-off; a job in flight when a server dies is run again by whichever
 * server is up, and a job that keeps failing reaches its queue's `onFailed`.
 */
@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly workerIds = new Map<string, string[]>();
  private readonly queues: Array<JobQueue<never>> = [];
  /** Recurring jobs' offers, and wake-ups for held jobs as they come due: cleared on shutdown. */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Runs under way in this process, so a stopping server records how each ended before it closes. */
  private readonly running = new Set<Promise<void>>();
  /** Tells this process's wake-ups from the others' on the channel. */
  private readonly processId = randomUUID();
  private readonly channel: PgChannel;
  /** Set as the server stops: a run failing then arms no wake-up (the others poll; a new server looks). */
  private stopping = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.DATABASE_URL) throw new Error('the job queue needs a resolved DATABASE_URL');
    this.boss = new PgBoss({
      connectionString: config.DATABASE_URL,
      max: 4,
      application_name: 'commonplace-jobs',
      // pg-boss 10 checks cron schedules every 30 s with cron-parser 4, whose `prev()` steps back a
      // minute at a time through luxon: our three schedules held the event loop 10 to 70 ms, every
      // keystroke of every live document waiting. Recurring work is sent by `every` instead.
      // (pg-boss 12, on cron-parser 5, needs Node 22.)
      schedule: false,
    });
    this.boss.on('error', (error) => this.log.error(`job queue: ${error.stack ?? error.message}`));
    this.channel = new PgChannel({
      databaseUrl: config.DATABASE_URL,
      channel: WAKE_CHANNEL,
      log: this.log,
      onPayload: (payload) => {
        const [sender, name] = payload.split(' ');
        if (sender !== this.processId && name) this.wakeHere(name);
      },
      // Wake-ups sent while nobody listened are unknown: every worker looks once.
      onGap: () => {
        for (const name of this.workerIds.keys()) this.wakeHere(name);
      },
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    await this.channel.listen();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // clearTimeout stops an interval as well.
    for (const timer of this.timers) clearTimeout(timer);
    await this.channel.stop();
    for (const queue of this.queues) await this.boss.offWork(queue.name);
    await Promise.all(this.queues.flatMap((queue) => (queue.interrupt ? [queue.interrupt()] : [])));
    await Promise.race([Promise.allSettled(this.running), sleep(SHUTDOWN_GRACE_MS)]);
    await this.boss.stop({ graceful: true, wait: true, timeout: SHUTDOWN_GRACE_MS });
  }

  /** Creates the queue (once per database) and starts this process's workers on it. */
  async register<T extends object>(queue: JobQueue<T>): Promise<RegisteredQueue<T>> {
    const failed = failedQueueName(queue.name);
    await this.boss.createQueue(failed);
    await this.boss.createQueue(queue.name, {
      name: queue.name,
      retryLimit: queue.retries,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: queue.expireInSeconds,
      deadLetter: failed,
    });
    const ids: string[] = [];
    for (let i = 0; i < queue.concurrency; i++) {
      ids.push(
        await this.startWorker<T>(queue.name, queue.pollSeconds ?? IDLE_POLL_SECONDS, (job) =>
          this.track(queue.name, job.id, () => queue.run({ data: job.data, attempt: job.retryCount + 1 })),
        ),
      );
    }
    this.workerIds.set(queue.name, ids);
    this.queues.push(queue as unknown as JobQueue<never>);
    if (queue.onFailed) {
      const onFailed = queue.onFailed.bind(queue);
      const id = await this.startWorker<T>(failed, queue.pollSeconds ?? IDLE_POLL_SECONDS, (job) =>
        onFailed(job.data, lastError(job.output)),
      );
      this.workerIds.set(failed, [id]);
    }
    if (queue.every) await this.sendEvery(queue.name, queue.every);
    await this.wakeForNextDue(queue.name);
    return { send: (data, options) => this.send(queue.name, data, options) };
  }

  /**
   * A worker taking one job at a time. Once it has run one it looks for the next at once: pg-boss
   * would wait out its polling interval between jobs, so a backlog (a hundred documents closed
   * together, each to compact) would drain at one job per interval.
   */
  private async startWorker<T extends object>(
    name: string,
    pollSeconds: number,
    run: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
  ): Promise<string> {
    let id = '';
    id = await this.boss.work<T>(
      name,
      { batchSize: 1, pollingIntervalSeconds: pollSeconds, includeMetadata: true },
      async ([job]) => {
        try {
          await run(job!);
        } finally {
          this.boss.notifyWorker(id);
        }
      },
    );
    return id;
  }

  /**
   * Runs a job and records a failure itself, awaited, rather than leaving it to pg-boss's
   * unawaited one: a failure recorded as the server stops must not be lost with its connection.
   * (pg-boss then finds the job no longer active and leaves it be.)
   */
  private track(name: string, id: string, run: () => Promise<void>): Promise<void> {
    const done = run().catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`job ${name} ${id} failed: ${message}`);
      await this.boss.fail(name, id, { message });
      await this.wakeForNextRun(name, id).catch((wakeError: Error) =>
        this.log.warn(`workers of ${name} not woken for its next run: ${wakeError.message}`),
      );
    });
    this.running.add(done);
    return done.finally(() => this.running.delete(done));
  }

  /**
   * Every server offers the job twice a period; pg-boss keeps one per period of the queue (its
   * throttle: one job per time slot and key), so there is one a period while any server is up.
   */
  private async sendEvery(name: string, { seconds, data }: { seconds: number; data: object }): Promise<void> {
    // A schedule an earlier version registered would run beside these once pg-boss's scheduler is on again.
    await this.boss.unschedule(name);
    // Only the server whose offer made the period's job wakes its workers for it.
    const offer = async () => {
      if (await this.boss.sendThrottled(name, data, {}, seconds, RECURRING_KEY)) this.wakeHere(name);
    };
    await offer();
    const timer = setInterval(
      () => {
        offer().catch((error: Error) => this.log.warn(`recurring job ${name} not sent: ${error.message}`));
      },
      (seconds * 1000) / 2,
    );
    timer.unref();
    this.timers.add(timer);
  }

  private async send(name: string, data: object, options: SendOptions = {}): Promise<void> {
    await this.boss.send(name, data, options);
    // Idle workers take it when it is due rather than at their next poll: now, or (a quiz attempt's
    // deadline) at its time.
    await this.wakeAt(name, options.startAfter);
  }

  /**
   * A server that starts wakes its workers when the queue's next held job or retry comes due: one
   * its sender would have woken them for, had it not stopped (a run cut off by a restart, retried).
   */
  private async wakeForNextDue(name: string): Promise<void> {
    const [next] = await this.boss
      .getDb()
      .executeSql(
        `SELECT min(start_after) AS due FROM pgboss.job WHERE name = $1 AND state < 'active' AND start_after > now()`,
        [name],
      )
      .then((result: { rows: Array<{ due: Date | null }> }) => result.rows);
    if (next?.due) await this.wakeAt(name, next.due);
  }

  /** After a failure: a retry wakes the workers when it comes due; the last failure, `onFailed`'s. */
  private async wakeForNextRun(name: string, id: string): Promise<void> {
    const job = await this.boss.getJobById(name, id);
    if (job?.state === 'retry') await this.wakeAt(name, job.startAfter);
    else if (job?.state === 'failed') await this.wakeAt(failedQueueName(name));
  }

  /** Wakes every process's idle workers of a queue, now or once `due` has passed. */
  private async wakeAt(name: string, due?: Date): Promise<void> {
    const dueInMs = due ? due.getTime() - Date.now() : 0;
    if (dueInMs <= 0) return this.wakeEverywhere(name);
    const wakeInMs = dueInMs + DUE_MARGIN_MS;
    if (wakeInMs > MAX_TIMER_MS || this.stopping) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.wakeEverywhere(name);
    }, wakeInMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Best effort: the job is stored either way, and polling finds it if a wake-up is lost. */
  private async wakeEverywhere(name: string): Promise<void> {
    this.wakeHere(name);
    await this.boss
      .getDb()
      .executeSql('SELECT pg_notify($1, $2)', [WAKE_CHANNEL, `${this.processId} ${name}`])
      .catch((error: Error) => this.log.warn(`other servers' workers of ${name} not woken: ${error.message}`));
  }

  private wakeHere(name: string): void {
    for (const id of this.workerIds.get(name) ?? []) this.boss.notifyWorker(id);
  }
}

/** The message a failed job stored as its output: ours, or pg-boss's own (`{ value: ... }`). */
function lastError(output: unknown): string {
  const stored = output as { message?: unknown; value?: unknown } | null | undefined;
  const value = stored?.value as { message?: unknown } | string | undefined;
  const message = stored?.message ?? (typeof value === 'string' ? value : value?.message);
  return typeof message === 'string' ? message : 'The job failed.';
}
