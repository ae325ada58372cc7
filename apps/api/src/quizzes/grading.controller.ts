import { Controller, Inject } from '@nestjs/common';
import type { AnswerGrade, ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { GradingService } from './grading.service.js';

/** Staff grading: the queue of answers to grade by hand, a grade, and a regrade of the whole quiz. */
@Controller()
export class GradingController {
  constructor(@Inject(GradingService) private readonly grading: GradingService) {}

  @Route('gradingQueue')
  queue(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'gradingQueue'>) {
    return this.grading.queue(viewer, params.quizId);
  }

  @Route('gradeAnswer')
  grade(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'gradeAnswer'>, @Input() grade: AnswerGrade) {
    return this.grading.grade(viewer, params.quizId, params.attemptId, params.questionId, grade);
  }

  @Route('regradeQuiz')
  regrade(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'regradeQuiz'>) {
    return this.grading.regrade(viewer, params.quizId);
  }
}
