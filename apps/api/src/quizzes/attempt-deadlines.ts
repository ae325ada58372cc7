import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { RegisteredQueue } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { SubmissionService } from './submission.service.js';

interface DeadlineJob {
  attemptId: string;
}

/**
 * Time limits as background work: a job held until each attempt's deadline submits it with what
 * was saved (the server that sent it wakes to it at the deadline; another finds it within its poll),
 * and a sweep every minute catches any whose job was lost. Either is harmless twice
 * (the submission is conditional), and every read or write of an attempt checks the deadline too.
 */
@Injectable()
export class AttemptDeadlines implements OnApplicationBootstrap {
  private readonly log = new Logger('AttemptDeadlines');
  private queue!: RegisteredQueue<DeadlineJob>;

  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(SubmissionService) private readonly submission: SubmissionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue = await this.jobs.register<DeadlineJob>({
      name: 'quiz-attempt-deadline',
      retries: 5,
      retryDelaySeconds: 5,
      expireInSeconds: 120,
      concurrency: 2,
      run: async ({ data }) => void (await this.submission.submitOverdueAttempt(data.attemptId)),
      onFailed: async (data, error) => this.log.error(`submitting attempt ${data.attemptId} at its deadline: ${error}`),
    });
    await this.jobs.register<object>({
      name: 'quiz-attempt-deadline-sweep',
      retries: 1,
      retryDelaySeconds: 30,
      expireInSeconds: 300,
      concurrency: 1,
      every: { seconds: 60, data: {} },
      run: async () => void (await this.submission.submitOverdue()),
    });
  }

  /** Never fails its caller: an attempt whose job could not be queued is the sweep's to submit. */
  async schedule(attemptId: string, deadline: Date): Promise<void> {
    try {
      await this.queue.send({ attemptId }, { startAfter: deadline });
    } catch (error) {
      this.log.warn(`no deadline job for attempt ${attemptId}: ${(error as Error).message}`);
    }
  }
}
