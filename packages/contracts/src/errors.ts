import { z } from 'zod';

/**
 * Every error the API returns, by stable code: the status it carries and the message a person
 * reads. Services throw these by code (apps/api/src/common/app-error.ts); the web app shows
 * `message` and may branch on `code`.
 */
export const errorTable = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  WEAK_PASSWORD: { status: 400, message: 'The password is too weak.' },
  UNAUTHENTICATED: { status: 401, message: 'Please log in to continue.' },
  INVALID_CREDENTIALS: { status: 401, message: 'That email and password do not match an account.' },
  FORBIDDEN: { status: 403, message: 'Your role in this course does not allow that.' },
  CROSS_SITE_REQUEST: { status: 403, message: 'This request came from another site and was refused.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such API route.' },
  COURSE_NOT_FOUND: { status: 404, message: 'There is no such course, or you are not in it.' },
  JOIN_CODE_INVALID: { status: 404, message: 'No course accepts that join code. Check it with your instructor.' },
  MEMBER_NOT_FOUND: { status: 404, message: 'That person is not in this course.' },
  GROUP_NOT_FOUND: { status: 404, message: 'There is no such group in this course.' },
  MODULE_NOT_FOUND: { status: 404, message: 'There is no such week or module in this course.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with that email already exists.' },
  ALREADY_ENROLLED: { status: 409, message: 'You are already in this course.' },
  GROUP_NAME_TAKEN: { status: 409, message: 'A group with that name already exists in this course.' },
  GROUP_FULL: { status: 409, message: 'That group is full.' },
  GROUP_SELF_SELECT_CLOSED: { status: 403, message: 'Your instructor assigns groups in this course.' },
  LAST_INSTRUCTOR: { status: 409, message: 'A course needs at least one instructor.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as JSON.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait a minute and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Try again in a moment.' },
  UNAVAILABLE: { status: 503, message: 'The service is not ready.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field-level problems for VALIDATION_FAILED: path joined by dots -> message. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
  requestId: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
