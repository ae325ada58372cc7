import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AnnotationCreate, AnnotationPatch, BodyOf, ParamsOf, QueryOf } from '@commonplace/contracts';
import type { Viewer } from '../access/policies.js';
import { Input, Membership, PathParams, QueryInput, Route } from '../common/route.decorator.js';
import { AnnotationCourseService } from './annotation-course.service.js';
import { AnnotationEventStream } from './annotation-event-stream.js';
import { AnnotationsService } from './annotations.service.js';

@Controller()
export class AnnotationsController {
  constructor(
    @Inject(AnnotationsService) private readonly annotations: AnnotationsService,
    @Inject(AnnotationEventStream) private readonly stream: AnnotationEventStream,
    @Inject(AnnotationCourseService) private readonly course: AnnotationCourseService,
  ) {}

  @Route('listAnnotations')
  list(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'listAnnotations'>) {
    return this.annotations.list(viewer, params.readingId);
  }

  @Route('createAnnotation')
  create(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'createAnnotation'>,
    @Input() input: AnnotationCreate,
  ) {
    return this.annotations.create(viewer, params.readingId, input);
  }

  @Route('annotationEvents')
  events(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'annotationEvents'>, @Res() reply: FastifyReply) {
    return this.stream.open(viewer, params.readingId, reply);
  }

  @Route('markAnnotationsRead')
  async markRead(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'markAnnotationsRead'>,
    @Input() input: BodyOf<'markAnnotationsRead'>,
  ) {
    await this.annotations.markRead(viewer, params.readingId, input.annotationIds);
  }

  @Route('getAnnotation')
  get(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'getAnnotation'>) {
    return this.annotations.get(viewer, params.readingId, params.annotationId);
  }

  @Route('updateAnnotation')
  update(
    @Membership() viewer: Viewer,
    @PathParams() params: ParamsOf<'updateAnnotation'>,
    @Input() patch: AnnotationPatch,
  ) {
    return this.annotations.update(viewer, params.readingId, params.annotationId, patch);
  }

  @Route('deleteAnnotation')
  async remove(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'deleteAnnotation'>) {
    await this.annotations.remove(viewer, params.readingId, params.annotationId);
  }

  @Route('restoreAnnotation')
  restore(@Membership() viewer: Viewer, @PathParams() params: ParamsOf<'restoreAnnotation'>) {
    return this.annotations.restore(viewer, params.readingId, params.annotationId);
  }

  @Route('annotationTags')
  tags(@Membership() viewer: Viewer) {
    return this.course.tags(viewer.courseId);
  }

  @Route('setAnnotationTags')
  setTags(@Membership() viewer: Viewer, @Input() input: BodyOf<'setAnnotationTags'>) {
    return this.course.setTags(viewer.courseId, input.tags);
  }

  @Route('mentionableMembers')
  mentionable(@Membership() viewer: Viewer, @QueryInput() query: QueryOf<'mentionableMembers'>) {
    return this.course.mentionable(viewer.courseId, query.q);
  }
}
