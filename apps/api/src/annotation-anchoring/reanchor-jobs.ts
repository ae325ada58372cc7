import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { RegisteredQueue } from '../jobs/job-queue.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AnnotationReanchoring } from './annotation-reanchoring.service.js';
import { QuizPassageReanchoring } from './quiz-passage-reanchoring.service.js';

interface ReanchorJob {
  readingId: string;
}

/**
 * Re-anchoring as background work: a job per saved version, retried when a run fails or its
 * server dies (the work is idempotent), and a sweep every few minutes (and at start) for a
 * version whose job was never queued because its server died between the save and the send.
 */
@Injectable()
export class ReanchorJobs implements OnApplicationBootstrap {
  private readonly log = new Logger('ReanchorJobs');
  private queue!: RegisteredQueue<ReanchorJob>;

  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(AnnotationReanchoring) private readonly reanchoring: AnnotationReanchoring,
    @Inject(QuizPassageReanchoring) private readonly quizPassages: QuizPassageReanchoring,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue = await this.jobs.register<ReanchorJob>({
      name: 'annotation-reanchor',
      retries: 5,
      retryDelaySeconds: 5,
      expireInSeconds: 600,
      concurrency: 1,
      // The annotations, then the quiz questions' passages: both idempotent, so a retry redoes neither.
      run: async ({ data }) => {
        await this.reanchoring.reanchorReading(data.readingId);
        await this.quizPassages.reanchorReading(data.readingId);
      },
      onFailed: async (data, error) =>
        this.log.error(`re-anchoring the passages of reading ${data.readingId} failed: ${error}`),
    });
    const sweep = await this.jobs.register<object>({
      name: 'annotation-reanchor-sweep',
      retries: 1,
      retryDelaySeconds: 60,
      expireInSeconds: 600,
      concurrency: 1,
      every: { seconds: 600, data: {} },
      run: async () => {
        const behind = [...(await this.reanchoring.readingsBehind()), ...(await this.quizPassages.readingsBehind())];
        for (const readingId of new Set(behind)) await this.enqueue(readingId);
      },
    });
    await sweep.send({});
  }

  /** Queues the re-anchoring of a reading's annotations and quiz passages onto its current version. */
  async enqueue(readingId: string): Promise<void> {
    await this.queue.send({ readingId });
  }
}
