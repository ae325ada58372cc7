import { Controller, Inject } from '@nestjs/common';
import type { ParamsOf, PreviewCheck } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { PreviewService } from './preview.service.js';

/** Staff preview a quiz as a student: its questions, and answers checked without recording them. */
@Controller()
export class PreviewController {
  constructor(@Inject(PreviewService) private readonly preview: PreviewService) {}

  @Route('previewQuiz')
  questions(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'previewQuiz'>) {
    return this.preview.questions(viewer, params.quizId);
  }

  @Route('checkPreview')
  check(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'checkPreview'>, @Input() input: PreviewCheck) {
    return this.preview.check(viewer, params.quizId, input);
  }
}
