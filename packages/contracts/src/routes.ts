import { z } from 'zod';
import { annotationInsightRoutes } from './annotation-insights.js';
import { annotationRoutes } from './annotations.js';
import { annotationTriageRoutes } from './annotation-triage.js';
import * as auth from './auth.js';
import { commentRoutes } from './comments.js';
import { citationRoutes } from './citations.js';
import * as courses from './courses.js';
import { moduleRestore } from './module-restore.js';
import { health } from './health.js';
import { historyRoutes } from './history.js';
import { noteRoutes } from './notes.js';
import { notificationRoutes } from './notifications.js';
import { route } from './path-params.js';
import { readingReportRoutes } from './reading-reports.js';
import { quizRoutes } from './quizzes.js';
import { questionBankRoutes } from './question-bank.js';
import { quizSuggestionRoutes } from './quiz-suggestions.js';
import { quizStatisticsRoutes } from './quiz-statistics.js';
import { gradebookRoutes } from './gradebook.js';
import { readingRoutes } from './reading-routes.js';
import { wikiRoutes } from './wiki.js';

/**
 * Who may call a route: `public` anyone; `user` anyone logged in; `member` anyone enrolled in the
 * course named by the path; `staff` its instructors and TAs; `instructor` its instructors only.
 * The API enforces this through one guard, and the authorization matrix test walks this table.
 */
export type Access = 'public' | 'user' | 'member' | 'staff' | 'instructor';

export interface RouteContract {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The path's `:params`, each an id; derived from `path` by `route()`. */
  params?: z.ZodObject;
  summary: string;
  access: Access;
  body?: z.ZodType;
  /** The fields of a multipart/form-data body (uploads), in place of a JSON body. */
  multipart?: z.ZodType;
  /** The query string's schema, for routes that take one (search's `?q=`). */
  query?: z.ZodType;
  /** A larger body limit than the server's BODY_LIMIT_BYTES, for the few routes that need one. */
  bodyLimit?: number;
  response?: z.ZodType;
  /** The status of a successful call. */
  status: number;
}

const ok = route;
const C = '/api/courses/:courseId';

export const routes = {
  health: ok({
    method: 'GET',
    path: '/api/health',
    summary: 'Database reachable and migrations applied',
    access: 'public',
    response: health,
    status: 200,
  }),
  signup: ok({
    method: 'POST',
    path: '/api/auth/signup',
    summary: 'Create an account and log in',
    access: 'public',
    body: auth.signupRequest,
    response: auth.user,
    status: 201,
  }),
  login: ok({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in',
    access: 'public',
    body: auth.loginRequest,
    response: auth.user,
    status: 200,
  }),
  logout: ok({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Log out of this session',
    access: 'user',
    status: 204,
  }),
  me: ok({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The logged-in user',
    access: 'user',
    response: auth.user,
    status: 200,
  }),

  listCourses: ok({
    method: 'GET',
    path: '/api/courses',
    summary: 'My courses',
    access: 'user',
    response: z.array(courses.courseSummary),
    status: 200,
  }),
  createCourse: ok({
    method: 'POST',
    path: '/api/courses',
    summary: 'Create a course; the creator becomes its instructor',
    access: 'user',
    body: courses.courseCreate,
    response: courses.courseDetail,
    status: 201,
  }),
  joinCourse: ok({
    method: 'POST',
    path: '/api/courses/join',
    summary: 'Join a course with its code',
    access: 'user',
    body: courses.joinRequest,
    response: courses.courseSummary,
    status: 200,
  }),
  getCourse: ok({
    method: 'GET',
    path: C,
    summary: 'A course I am in',
    access: 'member',
    response: courses.courseDetail,
    status: 200,
  }),
  updateCourse: ok({
    method: 'PATCH',
    path: C,
    summary: 'Edit title, term, description',
    access: 'instructor',
    body: courses.courseUpdate,
    response: courses.courseDetail,
    status: 200,
  }),
  rotateJoinCode: ok({
    method: 'POST',
    path: `${C}/join-code/rotate`,
    summary: 'Issue a new join code',
    access: 'instructor',
    response: courses.courseDetail,
    status: 200,
  }),
  setJoinCode: ok({
    method: 'PATCH',
    path: `${C}/join-code`,
    summary: 'Enable or disable joining by code',
    access: 'instructor',
    body: courses.joinCodeSettings,
    response: courses.courseDetail,
    status: 200,
  }),
  setGroupSettings: ok({
    method: 'PATCH',
    path: `${C}/group-settings`,
    summary: 'Let students pick a group up to a size, or not',
    access: 'instructor',
    body: courses.groupSettings,
    response: courses.courseDetail,
    status: 200,
  }),

  listModules: ok({
    method: 'GET',
    path: `${C}/modules`,
    summary: 'Weeks and modules',
    access: 'member',
    response: z.array(courses.courseModule),
    status: 200,
  }),
  createModule: ok({
    method: 'POST',
    path: `${C}/modules`,
    summary: 'Add a week or module',
    access: 'staff',
    body: courses.moduleCreate,
    response: courses.courseModule,
    status: 201,
  }),
  updateModule: ok({
    method: 'PATCH',
    path: `${C}/modules/:moduleId`,
    summary: 'Rename, move or date a module',
    access: 'staff',
    body: courses.moduleUpdate,
    response: courses.courseModule,
    status: 200,
  }),
  deleteModule: ok({
    method: 'DELETE',
    path: `${C}/modules/:moduleId`,
    summary: 'Remove a module; answers it as it was, with its assignments, for restoreModule to undo',
    access: 'staff',
    response: moduleRestore,
    status: 200,
  }),
  restoreModule: ok({
    method: 'POST',
    path: `${C}/modules/restore`,
    summary: 'Put a deleted module back, with its assignments and due dates',
    access: 'staff',
    body: moduleRestore,
    response: courses.courseModule,
    status: 201,
  }),

  roster: ok({
    method: 'GET',
    path: `${C}/roster`,
    summary: 'People in the course',
    access: 'member',
    response: z.array(courses.rosterEntry),
    status: 200,
  }),
  changeRole: ok({
    method: 'PATCH',
    path: `${C}/members/:userId`,
    summary: "Change a member's role",
    access: 'instructor',
    body: courses.roleChange,
    response: courses.rosterEntry,
    status: 200,
  }),
  removeMember: ok({
    method: 'DELETE',
    path: `${C}/members/:userId`,
    summary: 'Remove a member from the course',
    access: 'instructor',
    status: 204,
  }),

  listGroups: ok({
    method: 'GET',
    path: `${C}/groups`,
    summary: 'Groups and their members',
    access: 'member',
    response: z.array(courses.group),
    status: 200,
  }),
  createGroup: ok({
    method: 'POST',
    path: `${C}/groups`,
    summary: 'Create a group',
    access: 'staff',
    body: courses.groupCreate,
    response: courses.group,
    status: 201,
  }),
  renameGroup: ok({
    method: 'PATCH',
    path: `${C}/groups/:groupId`,
    summary: 'Rename a group',
    access: 'staff',
    body: courses.groupRename,
    response: courses.group,
    status: 200,
  }),
  deleteGroup: ok({
    method: 'DELETE',
    path: `${C}/groups/:groupId`,
    summary: 'Delete a group (its members become ungrouped)',
    access: 'staff',
    status: 204,
  }),
  assignToGroup: ok({
    method: 'PUT',
    path: `${C}/groups/:groupId/members/:userId`,
    summary: 'Put a student in a group (moving them from any other)',
    access: 'staff',
    response: courses.group,
    status: 200,
  }),
  removeFromGroup: ok({
    method: 'DELETE',
    path: `${C}/groups/:groupId/members/:userId`,
    summary: 'Take a student out of a group',
    access: 'staff',
    status: 204,
  }),
  pickGroup: ok({
    method: 'POST',
    path: `${C}/groups/:groupId/pick`,
    summary: 'A student picks their own group, where the course allows it',
    access: 'member',
    response: courses.group,
    status: 200,
  }),

  ...readingRoutes,
  ...readingReportRoutes,
  ...noteRoutes,
  ...historyRoutes,
  ...commentRoutes,
  ...citationRoutes,
  ...wikiRoutes,
  ...annotationRoutes,
  ...annotationTriageRoutes,
  ...annotationInsightRoutes,
  ...notificationRoutes,
  ...quizRoutes,
  ...questionBankRoutes,
  ...quizSuggestionRoutes,
  ...quizStatisticsRoutes,
  ...gradebookRoutes,
} as const satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof routes;

type Part<N extends RouteName, K extends string> = (typeof routes)[N] extends { [P in K]: infer S extends z.ZodType }
  ? z.infer<S>
  : never;
/** A handler's inputs, typed from its route's contract rather than written again by hand. */
export type ParamsOf<N extends RouteName> = Part<N, 'params'>;
export type BodyOf<N extends RouteName> = Part<N, 'body'>;
export type QueryOf<N extends RouteName> = Part<N, 'query'>;

/** Fills `:params` in a route path. */
export function routePath(name: RouteName, params: Record<string, string> = {}): string {
  return routes[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`routePath(${name}): missing :${key}`);
    return encodeURIComponent(value);
  });
}
