import { Controller, Inject, Param } from '@nestjs/common';
import type { AssignmentCreate, AssignmentUpdate } from '@commonplace/contracts';
import { Input, Membership, Route } from '../common/route.decorator.js';
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
  create(@Membership() viewer: CourseMembership, @Input() input: AssignmentCreate) {
    return this.assignments.create(viewer, input);
  }

  @Route('updateAssignment')
  update(
    @Membership() viewer: CourseMembership,
    @Param('assignmentId') assignmentId: string,
    @Input() input: AssignmentUpdate,
  ) {
    return this.assignments.update(viewer, assignmentId, input);
  }

  @Route('deleteAssignment')
  delete(@Membership() viewer: CourseMembership, @Param('assignmentId') assignmentId: string) {
    return this.assignments.delete(viewer, assignmentId);
  }
}
