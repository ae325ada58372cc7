import { Controller, Inject } from '@nestjs/common';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { AssignmentsService } from './assignments.service.js';

@Controller()
export class AssignmentsController {
  constructor(@Inject(AssignmentsService) private readonly assignments: AssignmentsService) {}

  @Route('listAssignments')
  list(@Membership() viewer: CourseMembership) {
    return this.assignments.list(viewer);
  }

  @Route('createAssignment')
  create(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'createAssignment'>) {
    return this.assignments.create(viewer, input);
  }

  @Route('updateAssignment')
  update(
    @Membership() viewer: CourseMembership,
    @PathParams() { assignmentId }: ParamsOf<'updateAssignment'>,
    @Input() input: BodyOf<'updateAssignment'>,
  ) {
    return this.assignments.update(viewer, assignmentId, input);
  }

  @Route('deleteAssignment')
  delete(@Membership() viewer: CourseMembership, @PathParams() { assignmentId }: ParamsOf<'deleteAssignment'>) {
    return this.assignments.delete(viewer, assignmentId);
  }
}
