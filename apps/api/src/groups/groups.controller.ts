import { Controller, Inject } from '@nestjs/common';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import { Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership } from '../common/request-auth.js';
import { GroupsService } from './groups.service.js';

@Controller()
export class GroupsController {
  constructor(@Inject(GroupsService) private readonly groups: GroupsService) {}

  @Route('listGroups')
  list(@Membership() viewer: CourseMembership) {
    return this.groups.list(viewer.courseId);
  }

  @Route('createGroup')
  create(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'createGroup'>) {
    return this.groups.create(viewer.courseId, input.name);
  }

  @Route('renameGroup')
  rename(
    @Membership() viewer: CourseMembership,
    @PathParams() { groupId }: ParamsOf<'renameGroup'>,
    @Input() input: BodyOf<'renameGroup'>,
  ) {
    return this.groups.rename(viewer.courseId, groupId, input.name);
  }

  @Route('deleteGroup')
  delete(@Membership() viewer: CourseMembership, @PathParams() { groupId }: ParamsOf<'deleteGroup'>) {
    return this.groups.delete(viewer.courseId, groupId);
  }

  @Route('assignToGroup')
  assign(@Membership() viewer: CourseMembership, @PathParams() { groupId, userId }: ParamsOf<'assignToGroup'>) {
    return this.groups.assign(viewer.courseId, groupId, userId);
  }

  @Route('removeFromGroup')
  unassign(@Membership() viewer: CourseMembership, @PathParams() { groupId, userId }: ParamsOf<'removeFromGroup'>) {
    return this.groups.unassign(viewer.courseId, groupId, userId);
  }

  @Route('pickGroup')
  pick(@Membership() viewer: CourseMembership, @PathParams() { groupId }: ParamsOf<'pickGroup'>) {
    return this.groups.pick(viewer, groupId);
  }
}
