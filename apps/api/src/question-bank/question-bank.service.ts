import { Inject, Injectable } from '@nestjs/common';
import {
  type BankListQuery,
  type BankMeta,
  type BankPage,
  type BankQuestion,
  type BankQuestionCreate,
  type BankQuestionPatch,
  type QuestionCreate,
  type StaffQuestion,
} from '@commonplace/contracts';
import { Prisma, PrismaClient } from '@commonplace/db';
import type { Viewer } from '../access/policies.js';
import { AppError } from '../common/app-error.js';
import { passageColumns } from '../quizzes/passage-columns.js';
import { configFromInput, patchedInput } from '../quizzes/question-input.js';
import { toStaffQuestion } from '../quizzes/question-views.js';
import { asStaffQuestion, inputOf, toBankQuestion } from './bank-views.js';

/** The bank's filters, as the list and the export share them. */
export interface BankFilters {
  type?: string;
  category?: string;
  q?: string;
}

/** The columns of a question's text, key and passage, as quiz questions and bank questions both store them. */
export interface QuestionColumns {
  type: string;
  prompt: string;
  points: number;
  config: Prisma.InputJsonValue;
  readingId: string | null;
  selector: Prisma.InputJsonValue | typeof Prisma.DbNull;
  readingVersion: number | null;
}

/** Splits a bank input into the question (as the quiz core reads it) and what the bank keeps beside it. */
export function splitMeta(input: BankQuestionCreate): { question: QuestionCreate; meta: BankMeta } {
  const { title, category, tags, ...question } = input;
  return { question: question as QuestionCreate, meta: { title, category, tags: [...new Set(tags)] } };
}

/** The course's question bank: staff write, file, find, delete (with undo) and copy its questions. */
@Injectable()
export class QuestionBankService {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  private where(viewer: Viewer, filters: BankFilters): Prisma.BankQuestionWhereInput {
    const q = filters.q?.trim();
    return {
      courseId: viewer.courseId,
      deletedAt: null,
      ...(filters.type ? { type: filters.type } : {}),
      ...(filters.category !== undefined && filters.category !== '' ? { category: filters.category } : {}),
      ...(q
        ? {
            OR: [
              { title: { contains: q, mode: 'insensitive' } },
              { prompt: { contains: q, mode: 'insensitive' } },
              { tags: { has: q } },
            ],
          }
        : {}),
    };
  }

  async list(viewer: Viewer, query: BankListQuery): Promise<BankPage> {
    const where = this.where(viewer, query);
    const [total, rows, categories] = await Promise.all([
      this.prisma.bankQuestion.count({ where }),
      this.prisma.bankQuestion.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.bankQuestion.findMany({
        where: { courseId: viewer.courseId, deletedAt: null, category: { not: '' } },
        distinct: ['category'],
        select: { category: true },
        orderBy: { category: 'asc' },
      }),
    ]);
    return {
      items: rows.map(toBankQuestion),
      total,
      page: query.page,
      pageSize: query.pageSize,
      categories: categories.map((c) => c.category),
    };
  }

  /** Every question the filters find, oldest first (the order they were written or imported in). */
  async all(viewer: Viewer, filters: BankFilters): Promise<BankQuestion[]> {
    const rows = await this.prisma.bankQuestion.findMany({
      where: this.where(viewer, filters),
      orderBy: [{ category: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toBankQuestion);
  }

  async create(viewer: Viewer, input: BankQuestionCreate): Promise<BankQuestion> {
    const { question, meta } = splitMeta(input);
    const row = await this.prisma.bankQuestion.create({
      data: { courseId: viewer.courseId, ...meta, ...(await this.columnsOf(viewer, question)) },
    });
    return toBankQuestion(row);
  }

  /** Stores checked questions in one transaction: all of them, or none. */
  async insertMany(viewer: Viewer, rows: (QuestionColumns & BankMeta)[]): Promise<string[]> {
    const created = await this.prisma.$transaction(
      rows.map((row) => this.prisma.bankQuestion.create({ data: { courseId: viewer.courseId, ...row } })),
    );
    return created.map((row) => row.id);
  }

  async get(viewer: Viewer, id: string): Promise<BankQuestion> {
    return toBankQuestion(await this.find(viewer, id));
  }

  async update(viewer: Viewer, id: string, patch: BankQuestionPatch): Promise<BankQuestion> {
    const stored = await this.find(viewer, id);
    const { title, category, tags, ...questionPatch } = patch;
    const changesQuestion = Object.values(questionPatch).some((value) => value !== undefined);
    const staff = asStaffQuestion(stored);
    const input = changesQuestion ? patchedInput(staff, questionPatch) : null;
    const row = await this.prisma.bankQuestion.update({
      where: { id },
      data: {
        ...(title !== undefined ? { title } : {}),
        ...(category !== undefined ? { category } : {}),
        ...(tags !== undefined ? { tags: [...new Set(tags)] } : {}),
        ...(input
          ? {
              prompt: input.prompt,
              points: input.points,
              config: configFromInput(input, staff) as Prisma.InputJsonValue,
              ...(patch.passage === undefined ? {} : await passageColumns(this.prisma, viewer.courseId, input.passage)),
            }
          : {}),
      },
    });
    return toBankQuestion(row);
  }

  async remove(viewer: Viewer, id: string): Promise<void> {
    await this.find(viewer, id);
    await this.prisma.bankQuestion.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
  }

  /** Undoes a delete; restoring a question that is not deleted answers it as it is. */
  async restore(viewer: Viewer, id: string): Promise<BankQuestion> {
    const row = await this.prisma.bankQuestion.findFirst({ where: { id, courseId: viewer.courseId } });
    if (!row) throw new AppError('BANK_QUESTION_NOT_FOUND');
    if (!row.deletedAt) return toBankQuestion(row);
    return toBankQuestion(await this.prisma.bankQuestion.update({ where: { id }, data: { deletedAt: null } }));
  }

  /** A copy of a quiz's question in the bank, passage and all. */
  async saveFromQuiz(viewer: Viewer, quizId: string, questionId: string, meta: Partial<BankMeta>) {
    const question = await this.prisma.quizQuestion.findFirst({
      where: { id: questionId, quizId, quiz: { id: quizId, courseId: viewer.courseId } },
    });
    if (!question) {
      const quiz = await this.prisma.quiz.count({ where: { id: quizId, courseId: viewer.courseId } });
      throw new AppError(quiz ? 'QUESTION_NOT_FOUND' : 'QUIZ_NOT_FOUND');
    }
    const row = await this.prisma.bankQuestion.create({
      data: {
        courseId: viewer.courseId,
        title: meta.title ?? '',
        category: meta.category ?? '',
        tags: [...new Set(meta.tags ?? [])],
        type: question.type,
        prompt: question.prompt,
        points: question.points,
        config: question.config as Prisma.InputJsonValue,
        readingId: question.readingId,
        selector: (question.selector ?? Prisma.DbNull) as Prisma.InputJsonValue,
        readingVersion: question.readingVersion,
      },
    });
    return toBankQuestion(row);
  }

  /**
   * Copies bank questions to the end of a quiz, in the order given, with option ids of their own:
   * the quiz keeps its copies whatever later happens to the bank.
   */
  async addToQuiz(viewer: Viewer, quizId: string, ids: string[]): Promise<StaffQuestion[]> {
    const quiz = await this.prisma.quiz.findFirst({
      where: { id: quizId, courseId: viewer.courseId },
      include: { questions: { orderBy: { position: 'desc' }, take: 1, select: { position: true } } },
    });
    if (!quiz) throw new AppError('QUIZ_NOT_FOUND');
    const rows = await this.prisma.bankQuestion.findMany({
      where: { id: { in: ids }, courseId: viewer.courseId, deletedAt: null },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new AppError('BANK_QUESTION_NOT_FOUND', undefined, { bankQuestionIds: missing });
    const last = quiz.questions[0]?.position ?? -1;
    const created = await this.prisma.$transaction(
      ids.map((id, index) => {
        const row = byId.get(id)!;
        const input = inputOf(asStaffQuestion(row));
        return this.prisma.quizQuestion.create({
          data: {
            quizId,
            position: last + 1 + index,
            type: row.type,
            prompt: row.prompt,
            points: row.points,
            config: configFromInput(input) as Prisma.InputJsonValue,
            readingId: row.readingId,
            selector: (row.selector ?? Prisma.DbNull) as Prisma.InputJsonValue,
            readingVersion: row.readingVersion,
          },
        });
      }),
    );
    return created.map(toStaffQuestion);
  }

  /** A quiz's questions in order, for its export. */
  async quizQuestions(viewer: Viewer, quizId: string): Promise<{ title: string; questions: StaffQuestion[] }> {
    const quiz = await this.prisma.quiz.findFirst({
      where: { id: quizId, courseId: viewer.courseId },
      include: { questions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    });
    if (!quiz) throw new AppError('QUIZ_NOT_FOUND');
    return { title: quiz.title, questions: quiz.questions.map(toStaffQuestion) };
  }

  private async find(viewer: Viewer, id: string) {
    const row = await this.prisma.bankQuestion.findFirst({ where: { id, courseId: viewer.courseId, deletedAt: null } });
    if (!row) throw new AppError('BANK_QUESTION_NOT_FOUND');
    return row;
  }

  /** The stored columns of a question, its passage checked against the reading (or refused). */
  async columnsOf(viewer: Viewer, question: QuestionCreate): Promise<QuestionColumns> {
    return {
      type: question.type,
      prompt: question.prompt,
      points: question.points,
      config: configFromInput(question) as Prisma.InputJsonValue,
      ...(await passageColumns(this.prisma, viewer.courseId, question.passage)),
    };
  }
}
