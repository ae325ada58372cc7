import { Controller, Inject, Param } from '@nestjs/common';
import { Input, Membership, Route } from '../common/route.decorator.js';
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
  create(@Membership() viewer: CourseMembership, @Input() input: { name: string }) {
    return this.groups.create(viewer.courseId, input.name);
  }

  @Route('renameGroup')
  rename(@Membership() viewer: CourseMembership, @Param('groupId') groupId: string, @Input() input: { name: string }) {
    return this.groups.rename(viewer.courseId, groupId, input.name);
  }

  @Route('deleteGroup')
  delete(@Membership() viewer: CourseMembership, @Param('groupId') groupId: string) {
    return this.groups.delete(viewer.courseId, groupId);
  }

  @Route('assignToGroup')
  assign(@Membership() viewer: CourseMembership, @Param('groupId') groupId: string, @Param('userId') userId: string) {
    return this.groups.assign(viewer.courseId, groupId, userId);
  }

  @Route('removeFromGroup')
  unassign(@Membership() viewer: CourseMembership, @Param('groupId') groupId: string, @Param('userId') userId: string) {
    return this.groups.unassign(viewer.courseId, groupId, userId);
  }

  @Route('pickGroup')
  pick(@Membership() viewer: CourseMembership, @Param('groupId') groupId: string) {
    return this.groups.pick(viewer, groupId);
  }
}
