import { Controller, Inject } from '@nestjs/common';
import type { ParamsOf, TriageAction } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { AnnotationTriageService } from './annotation-triage.service.js';

@Controller()
export class AnnotationTriageController {
  constructor(@Inject(AnnotationTriageService) private readonly triage: AnnotationTriageService) {}

  @Route('annotationTriage')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'annotationTriage'>) {
    return this.triage.list(viewer, params.readingId);
  }

  @Route('triageAnnotation')
  act(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'triageAnnotation'>, @Input() action: TriageAction) {
    return this.triage.act(viewer, params.readingId, params.annotationId, action);
  }
}
