import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import { AttemptsService } from './attempts.service.js';

/** Taking quizzes (students) and the attempts list (staff). */
@Controller()
export class AttemptsController {
  constructor(@Inject(AttemptsService) private readonly attempts: AttemptsService) {}

  /** 201 for a new attempt, 200 for the one in progress resumed. */
  @Route('startAttempt')
  async start(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'startAttempt'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { view, created } = await this.attempts.start(viewer, params.quizId);
    if (!created) reply.status(200);
    return view;
  }

  @Route('listAttempts')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'listAttempts'>) {
    return this.attempts.list(viewer, params.quizId);
  }

  @Route('getAttempt')
  get(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'getAttempt'>) {
    return this.attempts.get(viewer, params.quizId, params.attemptId);
  }

  @Route('saveAnswer')
  save(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'saveAnswer'>,
    @Input() input: BodyOf<'saveAnswer'>,
  ) {
    return this.attempts.save(viewer, params.quizId, params.attemptId, params.questionId, input.response);
  }

  @Route('submitAttempt')
  submit(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'submitAttempt'>) {
    return this.attempts.submit(viewer, params.quizId, params.attemptId);
  }
}
