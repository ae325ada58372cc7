import { Controller, Inject, Param } from '@nestjs/common';
import type { ModuleRestore } from '@commonplace/contracts';
import { Input, Membership, Route } from '../common/route.decorator.js';
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
  create(@Membership() viewer: CourseMembership, @Input() input: { title: string; startsOn: string | null }) {
    return this.modules.create(viewer.courseId, input);
  }

  @Route('updateModule')
  update(
    @Membership() viewer: CourseMembership,
    @Param('moduleId') moduleId: string,
    @Input() input: { title?: string; startsOn?: string | null; position?: number },
  ) {
    return this.modules.update(viewer.courseId, moduleId, input);
  }

  @Route('restoreModule')
  restore(@Membership() viewer: CourseMembership, @Input() input: ModuleRestore) {
    return this.modules.restore(viewer.courseId, input);
  }

  @Route('deleteModule')
  delete(@Membership() viewer: CourseMembership, @Param('moduleId') moduleId: string) {
    return this.modules.delete(viewer.courseId, moduleId);
  }
}
