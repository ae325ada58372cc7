import { Controller, Inject } from '@nestjs/common';
import type { BodyOf, ParamsOf, QuestionCreate, QuestionPatch, QuizCreate, QuizPatch } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { QuestionsService } from './questions.service.js';
import { QuizzesService } from './quizzes.service.js';

/** Building quizzes (staff) and reading them (students: the published ones, without the key). */
@Controller()
export class QuizzesController {
  constructor(
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
    @Inject(QuestionsService) private readonly questions: QuestionsService,
  ) {}

  @Route('createQuiz')
  create(@Membership() viewer: Viewer, @Input() input: QuizCreate) {
    return this.quizzes.create(viewer, input);
  }

  @Route('listQuizzes')
  list(@Membership() viewer: Viewer) {
    return this.quizzes.list(viewer);
  }

  @Route('getQuiz')
  get(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'getQuiz'>) {
    return this.quizzes.get(viewer, params.quizId);
  }

  @Route('updateQuiz')
  update(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'updateQuiz'>, @Input() patch: QuizPatch) {
    return this.quizzes.update(viewer, params.quizId, patch);
  }

  @Route('publishQuiz')
  publish(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'publishQuiz'>) {
    return this.quizzes.publish(viewer, params.quizId);
  }

  @Route('createQuestion')
  createQuestion(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'createQuestion'>,
    @Input() input: QuestionCreate,
  ) {
    return this.questions.create(viewer, params.quizId, input);
  }

  @Route('updateQuestion')
  updateQuestion(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'updateQuestion'>,
    @Input() patch: QuestionPatch,
  ) {
    return this.questions.update(viewer, params.quizId, params.questionId, patch);
  }

  @Route('deleteQuestion')
  async deleteQuestion(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'deleteQuestion'>) {
    await this.questions.remove(viewer, params.quizId, params.questionId);
  }

  @Route('reorderQuestions')
  reorder(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'reorderQuestions'>,
    @Input() input: BodyOf<'reorderQuestions'>,
  ) {
    return this.questions.reorder(viewer, params.quizId, input.questionIds);
  }
}
