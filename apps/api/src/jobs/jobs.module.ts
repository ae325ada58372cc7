import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service.js';

/** The job queue, for any feature module to register its background work with. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
