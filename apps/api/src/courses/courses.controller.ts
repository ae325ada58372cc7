import { Controller, Inject } from '@nestjs/common';
import type { BodyOf, ParamsOf } from '@commonplace/contracts';
import { CurrentUser, Input, Membership, PathParams, Route } from '../common/route.decorator.js';
import type { CourseMembership, SessionUser } from '../common/request-auth.js';
import { CoursesService } from './courses.service.js';
import { RosterService } from './roster.service.js';

@Controller()
export class CoursesController {
  constructor(
    @Inject(CoursesService) private readonly courses: CoursesService,
    @Inject(RosterService) private readonly roster: RosterService,
  ) {}

  @Route('listCourses')
  list(@CurrentUser() user: SessionUser) {
    return this.courses.listFor(user.id);
  }

  @Route('createCourse')
  async create(@CurrentUser() user: SessionUser, @Input() input: BodyOf<'createCourse'>) {
    return this.courses.detail(await this.courses.create(user.id, input));
  }

  @Route('joinCourse')
  join(@CurrentUser() user: SessionUser, @Input() input: BodyOf<'joinCourse'>) {
    return this.courses.join(user.id, input.code);
  }

  @Route('getCourse')
  get(@Membership() viewer: CourseMembership) {
    return this.courses.detail(viewer);
  }

  @Route('updateCourse')
  update(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'updateCourse'>) {
    return this.courses.update(viewer, input);
  }

  @Route('rotateJoinCode')
  rotate(@Membership() viewer: CourseMembership) {
    return this.courses.rotateJoinCode(viewer);
  }

  @Route('setJoinCode')
  setJoinCode(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'setJoinCode'>) {
    return this.courses.update(viewer, { joinCodeEnabled: input.enabled });
  }

  @Route('setGroupSettings')
  setGroupSettings(@Membership() viewer: CourseMembership, @Input() input: BodyOf<'setGroupSettings'>) {
    return this.courses.update(viewer, { groupSelfSelectCap: input.selfSelectCap });
  }

  @Route('roster')
  listRoster(@Membership() viewer: CourseMembership) {
    return this.roster.list(viewer);
  }

  @Route('changeRole')
  changeRole(
    @Membership() viewer: CourseMembership,
    @PathParams() { userId }: ParamsOf<'changeRole'>,
    @Input() input: BodyOf<'changeRole'>,
  ) {
    return this.roster.changeRole(viewer, userId, input.role);
  }

  @Route('removeMember')
  remove(@Membership() viewer: CourseMembership, @PathParams() { userId }: ParamsOf<'removeMember'>) {
    return this.roster.remove(viewer, userId);
  }
}
