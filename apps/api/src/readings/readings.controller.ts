import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { asDownload } from './content-disposition.js';
import { ProgressService } from './progress.service.js';
import { ReadingsService } from './readings.service.js';

@Controller()
export class ReadingsController {
  constructor(
    @Inject(ReadingsService) private readonly readings: ReadingsService,
    @Inject(ProgressService) private readonly progress: ProgressService,
  ) {}

  @Route('listReadings')
  list(@Membership() viewer: CourseMembership) {
    return this.readings.list(viewer);
  }

  @Route('getReading')
  get(@Membership() viewer: CourseMembership, @PathParams() { readingId }: ParamsOf<'getReading'>) {
    return this.readings.detail(viewer, readingId);
  }

  @Route('updateReading')
  update(
    @Membership() viewer: CourseMembership,
    @PathParams() { readingId }: ParamsOf<'updateReading'>,
    @Input() input: BodyOf<'updateReading'>,
  ) {
    return this.readings.update(viewer, readingId, input);
  }

  @Route('deleteReading')
  delete(@Membership() viewer: CourseMembership, @PathParams() { readingId }: ParamsOf<'deleteReading'>) {
    return this.readings.delete(viewer, readingId);
  }

  @Route('downloadOriginal')
  async download(
    @Membership() viewer: CourseMembership,
    @PathParams() { readingId }: ParamsOf<'downloadOriginal'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.readings.original(viewer, readingId);
    return asDownload(reply, file);
  }

  @Route('saveProgress')
  saveProgress(
    @Membership() viewer: CourseMembership,
    @PathParams() { readingId }: ParamsOf<'saveProgress'>,
    @Input() input: BodyOf<'saveProgress'>,
  ) {
    return this.progress.save(viewer, readingId, input);
  }
}
