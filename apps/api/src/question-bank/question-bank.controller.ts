import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type {
  BankImport,
  BankQuestionCreate,
  BankQuestionPatch,
  BodyOf,
  ParamsOf,
  QueryOf,
} from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, QueryInput, Route } from '../common/route.decorator.js';
import { download } from '../readings/content-disposition.js';
import { BankTextService, FILE_EXTENSION } from './bank-text.service.js';
import { QuestionBankService } from './question-bank.service.js';

function textDownload(reply: FastifyReply, name: string, text: string): string {
  download(reply, 'text/plain; charset=utf-8', name);
  return text;
}

/** The course question bank (staff only, by the route table): its questions, and GIFT/Aiken in and out. */
@Controller()
export class QuestionBankController {
  constructor(
    @Inject(QuestionBankService) private readonly bank: QuestionBankService,
    @Inject(BankTextService) private readonly text: BankTextService,
  ) {}

  @Route('listBankQuestions')
  list(@Membership() viewer: Viewer, @QueryInput() query: QueryOf<'listBankQuestions'>) {
    return this.bank.list(viewer, query);
  }

  @Route('createBankQuestion')
  create(@Membership() viewer: Viewer, @Input() input: BankQuestionCreate) {
    return this.bank.create(viewer, input);
  }

  @Route('importBankQuestions')
  import(@Membership() viewer: Viewer, @Input() input: BankImport) {
    return this.text.import(viewer, input);
  }

  @Route('exportBankQuestions')
  async export(
    @Membership() viewer: Viewer,
    @QueryInput() query: QueryOf<'exportBankQuestions'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format, ...filters } = query;
    const text = await this.text.exportBank(viewer, format, filters);
    return textDownload(reply, `question bank.${FILE_EXTENSION[format]}`, text);
  }

  @Route('getBankQuestion')
  get(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'getBankQuestion'>) {
    return this.bank.get(viewer, params.bankQuestionId);
  }

  @Route('updateBankQuestion')
  update(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'updateBankQuestion'>,
    @Input() patch: BankQuestionPatch,
  ) {
    return this.bank.update(viewer, params.bankQuestionId, patch);
  }

  @Route('deleteBankQuestion')
  async remove(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'deleteBankQuestion'>) {
    await this.bank.remove(viewer, params.bankQuestionId);
  }

  @Route('restoreBankQuestion')
  restore(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'restoreBankQuestion'>) {
    return this.bank.restore(viewer, params.bankQuestionId);
  }

  @Route('saveQuestionToBank')
  saveToBank(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'saveQuestionToBank'>,
    @Input() meta: BodyOf<'saveQuestionToBank'>,
  ) {
    return this.bank.saveFromQuiz(viewer, params.quizId, params.questionId, meta);
  }

  @Route('addBankQuestionsToQuiz')
  addToQuiz(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'addBankQuestionsToQuiz'>,
    @Input() input: BodyOf<'addBankQuestionsToQuiz'>,
  ) {
    return this.bank.addToQuiz(viewer, params.quizId, input.bankQuestionIds);
  }

  @Route('exportQuizQuestions')
  async exportQuiz(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'exportQuizQuestions'>,
    @QueryInput() query: QueryOf<'exportQuizQuestions'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { title, text } = await this.text.exportQuiz(viewer, params.quizId, query.format);
    return textDownload(reply, `${title}.${FILE_EXTENSION[query.format]}`, text);
  }
}
