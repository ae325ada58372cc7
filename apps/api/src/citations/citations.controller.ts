import { Controller, Inject } from '@nestjs/common';
import type { ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Membership, PathParams, Route } from '../common/route.decorator.js';
import { CitationsService } from './citations.service.js';

@Controller()
export class CitationsController {
  constructor(@Inject(CitationsService) private readonly citations: CitationsService) {}

  @Route('listReadingCitations')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'listReadingCitations'>) {
    return this.citations.ofReading(viewer, params.readingId);
  }
}
