import { Inject, Injectable } from '@nestjs/common';
import type { QuestionCreate, QuestionPassage, QuestionPatch, StaffQuestion } from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { passageColumns } from './passage-columns.js';
import { configFromInput, patchedInput } from './question-input.js';
import { toStaffQuestion } from './question-views.js';
import { QuizzesService } from './quizzes.service.js';

/** A quiz's questions, written by staff: added at the end, edited, removed and put in order. */
@Injectable()
export class QuestionsService {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(QuizzesService) private readonly quizzes: QuizzesService,
  ) {}

  async create(viewer: Viewer, quizId: string, input: QuestionCreate): Promise<StaffQuestion> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const passage = await this.passageColumns(viewer, input.passage);
    const row = await this.prisma.quizQuestion.create({
      data: {
        quizId: quiz.id,
        // After the last; two added at once may share a place, which order then settles by id.
        position: (quiz.questions.at(-1)?.position ?? -1) + 1,
        type: input.type,
        prompt: input.prompt,
        points: input.points,
        config: configFromInput(input) as Prisma.InputJsonValue,
        ...passage,
      },
    });
    return toStaffQuestion(row);
  }

  async update(viewer: Viewer, quizId: string, questionId: string, patch: QuestionPatch): Promise<StaffQuestion> {
    const stored = await this.find(viewer, quizId, questionId);
    const input = patchedInput(stored, patch);
    const passage = patch.passage === undefined ? {} : await this.passageColumns(viewer, input.passage);
    const row = await this.prisma.quizQuestion.update({
      where: { id: questionId },
      data: {
        prompt: input.prompt,
        points: input.points,
        config: configFromInput(input, stored) as Prisma.InputJsonValue,
        ...passage,
      },
    });
    return toStaffQuestion(row);
  }

  async remove(viewer: Viewer, quizId: string, questionId: string): Promise<void> {
    await this.find(viewer, quizId, questionId);
    await this.prisma.quizQuestion.deleteMany({ where: { id: questionId, quizId } });
  }

  async reorder(viewer: Viewer, quizId: string, questionIds: string[]): Promise<StaffQuestion[]> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const current = quiz.questions.map((q) => q.id);
    if (
      new Set(questionIds).size !== questionIds.length ||
      [...questionIds].sort().join() !== [...current].sort().join()
    )
      throw new AppError('QUESTION_ORDER_MISMATCH');
    await this.prisma.$transaction(
      questionIds.map((id, position) => this.prisma.quizQuestion.update({ where: { id }, data: { position } })),
    );
    return (await this.quizzes.find(viewer, quizId)).questions.map(toStaffQuestion);
  }

  private async find(viewer: Viewer, quizId: string, questionId: string): Promise<StaffQuestion> {
    const quiz = await this.quizzes.find(viewer, quizId);
    const row = quiz.questions.find((q) => q.id === questionId);
    if (!row) throw new AppError('QUESTION_NOT_FOUND');
    return toStaffQuestion(row);
  }

  /** A passage given anew is placed, whatever a new version of its reading left unplaced. */
  private async passageColumns(viewer: Viewer, passage: QuestionPassage | null) {
    return { ...(await passageColumns(this.prisma, viewer.courseId, passage)), passageUnplacedOn: null };
  }
}
