import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from './readings.js';

/**
 * Every error the API returns, by stable code: the status it carries and the message a person
 * reads. Services throw these by code (apps/api/src/common/app-error.ts); the web app shows
 * `message` and may branch on `code`.
 */
export const errorTable = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are not valid.' },
  UNSTORABLE_VALUE: {
    status: 400,
    message:
      'A value in this request cannot be stored: a character, number or date out of range. Check what you entered.',
  },
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
  READING_NOT_FOUND: { status: 404, message: 'There is no such reading in this course.' },
  IMPORT_NOT_FOUND: { status: 404, message: 'There is no such import in this course.' },
  ASSIGNMENT_NOT_FOUND: { status: 404, message: 'There is no such assignment in this course.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with that email already exists.' },
  ALREADY_ENROLLED: { status: 409, message: 'You are already in this course.' },
  GROUP_NAME_TAKEN: { status: 409, message: 'A group with that name already exists in this course.' },
  GROUP_FULL: { status: 409, message: 'That group is full.' },
  GROUPS_ARE_FOR_STUDENTS: {
    status: 409,
    message: 'Groups are for students: instructors and TAs are not put in a group.',
  },
  GROUP_SELF_SELECT_CLOSED: { status: 403, message: 'Your instructor assigns groups in this course.' },
  LAST_INSTRUCTOR: { status: 409, message: 'A course needs at least one instructor.' },
  ALREADY_ASSIGNED: { status: 409, message: 'That reading is already assigned in this week or module.' },
  IMPORT_NOT_READY: {
    status: 409,
    message: 'This import is not ready to save: wait for its preview, or import the file again if it failed.',
  },
  IMPORT_ALREADY_SAVED: { status: 409, message: 'This import has already been saved as a reading.' },
  IMPORT_NOT_FAILED: { status: 409, message: 'Only a failed import can be run again.' },
  // A unique index refused a write that a simultaneous request made first (where no more
  // specific code, like EMAIL_TAKEN, applies): nothing was changed by this request.
  CHANGED_AT_THE_SAME_TIME: {
    status: 409,
    message: 'Someone made the same change at the same moment, so yours was not saved. Reload to see it.',
  },
  VERSION_NOT_FOUND: { status: 404, message: 'This reading has no such version.' },
  NOTE_NOT_FOUND: { status: 404, message: 'There is no such note, or you may not read it.' },
  DOCUMENT_NOT_FOUND: { status: 404, message: 'There is no such note or page, or you may not read it.' },
  DOCUMENT_VERSION_NOT_FOUND: { status: 404, message: 'This note or page has no such version.' },
  DOCUMENT_READ_ONLY: { status: 403, message: 'You may read this note or page but not change it.' },
  DOCUMENT_LOCKED: { status: 403, message: 'This page is locked: only instructors and TAs may change it.' },
  COMMENT_NOT_FOUND: { status: 404, message: 'There is no such comment on this note.' },
  COMMENT_NOT_YOURS: {
    status: 403,
    message: 'Only the author of a comment, or an instructor or TA, may delete or restore it.',
  },
  NOTE_NEEDS_GROUP: {
    status: 409,
    message: 'A group note belongs to a group: join a group first, or write a personal note.',
  },
  GROUP_NOTES_ARE_FOR_STUDENTS: {
    status: 403,
    message: "Group notes are written by a group's students; instructors and TAs read them and write personal notes.",
  },
  WIKI_PAGE_NOT_FOUND: { status: 404, message: 'There is no such wiki page in this course.' },
  WIKI_PAGE_LOCKED: {
    status: 403,
    message: 'This page is locked by the course staff: you can read it, but only an instructor or TA can change it.',
  },
  WIKI_LOCK_IS_FOR_STAFF: { status: 403, message: 'Only an instructor or TA can lock or unlock a page.' },
  WIKI_MOVE_INTO_ITSELF: { status: 409, message: 'A page cannot be moved under itself or under a page below it.' },
  ANNOTATION_NOT_FOUND: { status: 404, message: 'There is no such annotation, or you may not see it.' },
  ANNOTATION_NOT_YOURS: { status: 403, message: 'Only the author of an annotation may edit, delete or restore it.' },
  ANNOTATION_MODERATION_IS_FOR_STAFF: {
    status: 403,
    message: 'Only an instructor or TA can pin, endorse or hide an annotation.',
  },
  SELECTOR_OUTSIDE_TEXT: {
    status: 422,
    message: 'The selected passage lies outside the reading’s text. Reload the reading and select it again.',
  },
  SELECTOR_QUOTE_MISMATCH: {
    status: 422,
    message: 'The selected words do not match the reading at that place. Reload the reading and select them again.',
  },
  READING_NOT_ASSIGNED: {
    status: 403,
    message: 'This reading is not assigned to students yet, so it cannot be annotated.',
  },
  ANNOTATION_NEEDS_GROUP: {
    status: 409,
    message:
      'A group annotation belongs to a group: join a group first, or share it with the course or keep it private.',
  },
  ANNOTATION_CLOSED_TO_REPLIES: {
    status: 409,
    message: 'This annotation is hidden or deleted, so it cannot take replies.',
  },
  MENTION_NOT_IN_COURSE: { status: 422, message: 'You can only mention people in this course.' },
  TAG_NOT_IN_COURSE: {
    status: 422,
    message: 'That tag is not one of this course’s annotation tags. Ask an instructor to add it.',
  },
  ANNOTATION_NOT_IN_TRIAGE: {
    status: 409,
    message:
      'This annotation is not waiting for that: it was already accepted, moved or orphaned, or a newer version is being placed. Reload the list.',
  },
  ANNOTATION_TRIAGE_IS_FOR_STAFF: {
    status: 403,
    message: 'Only an instructor or TA can place another person’s annotation; a private one is its author’s to place.',
  },
  ANNOTATION_EXPORT_COURSE_IS_FOR_STAFF: {
    status: 403,
    message: 'Only an instructor or TA can export the course’s annotations. Export your own instead.',
  },
  // Import refusals, by the importer's codes (packages/reading); the importer's own message, which
  // names the file, is sent where there is one.
  EMPTY_FILE: { status: 400, message: 'The file is empty.' },
  FILE_TOO_LARGE: {
    status: 413,
    message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the most we import. Split it, or save it without images.`,
  },
  TOO_MANY_PAGES: { status: 413, message: 'This PDF has more pages than we import at once. Split it into parts.' },
  UNSUPPORTED_TYPE: {
    status: 415,
    message: 'This is not a format we can import. Upload a PDF, a Word .docx, HTML, Markdown or plain text.',
  },
  INVALID_UTF8: {
    status: 415,
    message: 'This text file is not in UTF-8. Save it again with UTF-8 encoding and upload the new copy.',
  },
  CORRUPT_PDF: { status: 422, message: 'This PDF is damaged or is not really a PDF, so it could not be opened.' },
  ENCRYPTED_PDF: { status: 422, message: 'This PDF is password-protected. Remove the password and upload it again.' },
  CORRUPT_DOCX: { status: 422, message: 'This Word document is damaged, or is not really a .docx file.' },
  ZIP_BOMB: {
    status: 422,
    message: 'This Word document expands to far more data than a document holds. Save it again from Word and retry.',
  },
  TOO_COMPLEX: {
    status: 422,
    message: 'This file is nested too deeply to be read. Save it again from its editor, or paste its text.',
  },
  NO_TEXT: {
    status: 422,
    message: 'There is no text in this file to import. If it is a scan, run it through OCR first.',
  },
  IMPORT_FAILED: {
    status: 422,
    message: 'The file could not be imported. Try another copy of it, or paste its text instead.',
  },
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'There is no such notification of yours.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as JSON.' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait a minute and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Try again in a moment.' },
  UNAVAILABLE: { status: 503, message: 'The service is not ready.' },
  QUIZ_NOT_FOUND: { status: 404, message: 'There is no such quiz in this course.' },
  QUESTION_NOT_FOUND: { status: 404, message: 'There is no such question in this quiz.' },
  ATTEMPT_NOT_FOUND: { status: 404, message: 'There is no such attempt at this quiz, or it is not yours.' },
  ATTEMPT_NOT_YOURS: { status: 403, message: 'Only the student taking an attempt may answer or submit it.' },
  QUIZ_ATTEMPTS_ARE_FOR_STUDENTS: {
    status: 403,
    message: 'Quizzes are taken by students: instructors and TAs build and grade them.',
  },
  QUIZ_NOT_OPEN_YET: { status: 409, message: 'This quiz is not open yet. Come back when it opens.' },
  QUIZ_CLOSED: { status: 409, message: 'This quiz has closed: no more attempts or answers are taken.' },
  QUIZ_NO_ATTEMPTS_LEFT: { status: 409, message: 'You have used every attempt this quiz allows.' },
  ATTEMPT_TIME_UP: {
    status: 409,
    message: 'The time for this attempt is up: it was submitted with the answers saved before the end.',
  },
  ATTEMPT_ALREADY_SUBMITTED: { status: 409, message: 'This attempt is submitted: its answers can no longer change.' },
  QUIZ_HAS_NO_QUESTIONS: { status: 409, message: 'Add a question before publishing the quiz.' },
  QUESTION_ORDER_MISMATCH: {
    status: 409,
    message: 'The order must name every question of the quiz once. Reload the quiz and try again.',
  },
  ANSWER_INVALID: { status: 400, message: 'This answer does not fit the question. Check it and save again.' },
  ANSWER_NOT_FOUND: { status: 404, message: 'This attempt has no answer to that question.' },
  ATTEMPT_NOT_SUBMITTED: { status: 409, message: 'This attempt is still in progress: grade it once it is submitted.' },
  GRADE_ABOVE_POINTS: { status: 422, message: 'A grade cannot be more than the question is worth.' },
  BANK_QUESTION_NOT_FOUND: { status: 404, message: "There is no such question in this course's question bank." },
  // `fields` maps each line number of the text to what is wrong there.
  BANK_IMPORT_INVALID: {
    status: 400,
    message: 'Nothing was imported: fix the problems listed by line and import the text again.',
  },
  BANK_IMPORT_TOO_MANY: { status: 400, message: 'Import at most 500 questions at once: split the text.' },
  BANK_IMPORT_EMPTY: { status: 400, message: 'There is no question in this text.' },
  // `fields` maps each question that the format cannot hold to why.
  BANK_EXPORT_UNSUPPORTED: {
    status: 422,
    message: 'Some questions cannot be written in this format: filter them out, or export them as GIFT.',
  },
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
