import { Controller, Inject } from '@nestjs/common';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { ModulesService } from './modules.service.js';

@Controller()
export class ModulesController {
  constructor(@Inject(ModulesService) private readonly modules: ModulesService) {}

  @Route('listModules')
  list(@Membership() viewer: CourseMembership) {
    return this.modules.list(viewer.courseId);
  }

  @Route('createModule')
  create(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'createModule'>) {
    return this.modules.create(viewer.courseId, input);
  }

  @Route('updateModule')
  update(
    @Membership() viewer: CourseMembership,
    @PathParams() { moduleId }: ParamsOf<'updateModule'>,
    @Input() input: BodyOf<'updateModule'>,
  ) {
    return this.modules.update(viewer.courseId, moduleId, input);
  }

  @Route('restoreModule')
  restore(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'restoreModule'>) {
    return this.modules.restore(viewer.courseId, input);
  }

  @Route('deleteModule')
  delete(@Membership() viewer: CourseMembership, @PathParams() { moduleId }: ParamsOf<'deleteModule'>) {
    return this.modules.delete(viewer.courseId, moduleId);
  }
}
