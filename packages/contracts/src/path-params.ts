import { z } from 'zod';
import type { ErrorCode } from './errors.js';
import type { RouteContract } from './routes.js';

/** The `:name` parameters of a route path, as a union of their names. */
export type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/**
 * A version number in a path (a reading's `:version`, a document's `:versionNumber`): a positive
 * integer PostgreSQL can store.
 */
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);

const NUMBERED = new Set(['version', 'versionNumber']);

type ParamSchema<Name> = Name extends 'version' | 'versionNumber' ? typeof versionNumber : z.ZodGUID;

export type PathParamsSchema<Path extends string> = z.ZodObject<{ [Name in ParamNames<Path>]: ParamSchema<Name> }>;

/**
 * What a malformed id in the path answers: the same 404 as a well-formed id of nothing, so a
 * mistyped link and a deleted resource look alike (and a database never sees a non-uuid).
 */
export const notFoundByParam = {
  courseId: 'COURSE_NOT_FOUND',
  moduleId: 'MODULE_NOT_FOUND',
  groupId: 'GROUP_NOT_FOUND',
  userId: 'MEMBER_NOT_FOUND',
  draftId: 'IMPORT_NOT_FOUND',
  readingId: 'READING_NOT_FOUND',
  assignmentId: 'ASSIGNMENT_NOT_FOUND',
  version: 'VERSION_NOT_FOUND',
  noteId: 'NOTE_NOT_FOUND',
  documentId: 'DOCUMENT_NOT_FOUND',
  versionNumber: 'DOCUMENT_VERSION_NOT_FOUND',
  commentId: 'COMMENT_NOT_FOUND',
  pageId: 'WIKI_PAGE_NOT_FOUND',
  annotationId: 'ANNOTATION_NOT_FOUND',
  quizId: 'QUIZ_NOT_FOUND',
  questionId: 'QUESTION_NOT_FOUND',
  attemptId: 'ATTEMPT_NOT_FOUND',
  bankQuestionId: 'BANK_QUESTION_NOT_FOUND',
} as const satisfies Record<string, ErrorCode>;

type KnownParam = keyof typeof notFoundByParam;

/**
 * Every path parameter is an id (any 8-4-4-4-12 hex, as PostgreSQL's uuid accepts) but a version
 * number, in path order.
 */
export function pathParams<Path extends string>(path: Path): PathParamsSchema<Path> {
  const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  for (const name of names) {
    if (!(name in notFoundByParam)) throw new Error(`${path}: :${name} has no not-found error in notFoundByParam`);
  }
  return z.object(
    Object.fromEntries(names.map((name) => [name, NUMBERED.has(name) ? versionNumber : z.guid()])),
  ) as PathParamsSchema<Path>;
}

/** The 404 for the first parameter (in path order) that fails its schema. */
export function notFoundForParams(schema: z.ZodObject, params: unknown): ErrorCode | null {
  const result = schema.safeParse(params);
  if (result.success) return null;
  const failing = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  const first = Object.keys(schema.shape).find((name) => failing.has(name)) as KnownParam | undefined;
  return first ? notFoundByParam[first] : 'NOT_FOUND';
}

/** A route, with its path parameters' schema derived from its path. */
export const route = <const T extends RouteContract>(contract: T) =>
  ({ ...contract, params: pathParams(contract.path) }) as T & { params: PathParamsSchema<T['path']> };
