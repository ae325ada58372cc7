import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { uploadImportForm, type BodyOf, type ParamsOf } from '@commonplace/contracts';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { validate } from '../common/validate.js';
import { ImportsService } from './imports.service.js';
import { readUpload } from './upload.js';

const uploadFields = uploadImportForm.pick({ readingId: true });

@Controller()
export class ImportsController {
  constructor(@Inject(ImportsService) private readonly imports: ImportsService) {}

  @Route('uploadImport')
  async upload(@Membership() viewer: CourseMembership, @Req() request: FastifyRequest) {
    const upload = await readUpload(request);
    const { readingId } = validate(uploadFields, upload.fields);
    return this.imports.start(viewer, { bytes: upload.bytes, filename: upload.filename }, readingId);
  }

  @Route('pasteImport')
  paste(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'pasteImport'>) {
    return this.imports.start(viewer, { text: input.text }, input.readingId);
  }

  @Route('listImports')
  list(@Membership() viewer: CourseMembership) {
    return this.imports.list(viewer);
  }

  @Route('getImport')
  get(@Membership() viewer: CourseMembership, @PathParams() { draftId }: ParamsOf<'getImport'>) {
    return this.imports.get(viewer, draftId);
  }

  @Route('retryImport')
  retry(@Membership() viewer: CourseMembership, @PathParams() { draftId }: ParamsOf<'retryImport'>) {
    return this.imports.retry(viewer, draftId);
  }

  @Route('discardImport')
  discard(@Membership() viewer: CourseMembership, @PathParams() { draftId }: ParamsOf<'discardImport'>) {
    return this.imports.discard(viewer, draftId);
  }

  @Route('saveImport')
  save(
    @Membership() viewer: CourseMembership,
    @PathParams() { draftId }: ParamsOf<'saveImport'>,
    @Input() input: BodyOf<'saveImport'>,
  ) {
    return this.imports.save(viewer, draftId, input);
  }
}
