import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import type { RegisteredQueue } from '../jobs/job-queue.js';
import { DocumentStore } from './document-store.js';

interface CompactionJob {
  documentId: string;
}

/** Folds a document's stored updates into its snapshot, in the background, on any server. */
@Injectable()
export class CompactionJobs implements OnApplicationBootstrap {
  private queue!: RegisteredQueue<CompactionJob>;

  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(DocumentStore) private readonly store: DocumentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue = await this.jobs.register<CompactionJob>({
      name: 'document-compaction',
      retries: 3,
      retryDelaySeconds: 5,
      expireInSeconds: 300,
      concurrency: 1,
      run: ({ data }) => this.store.compact(data.documentId),
    });
  }

  request(documentId: string): Promise<void> {
    return this.queue.send({ documentId });
  }
}
