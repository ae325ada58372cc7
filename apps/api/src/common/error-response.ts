import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorTable, type ErrorCode } from '@commonplace/contracts';
import { AppError } from './app-error.js';
import { isDatabaseDataError } from './database-data-error.js';
import { isUniqueViolation } from './unique-violation.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
};

/** Maps anything thrown (ours, Nest's, Fastify's, a bug) onto the error table. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as {
    code?: string;
    status?: number;
    statusCode?: number;
    getStatus?: () => number;
    name?: string;
    cause?: { code?: string };
  };
  // Nest wraps Fastify's body-parser errors, keeping the original as the cause.
  const fastifyCode = e?.code ?? e?.cause?.code;
  if (fastifyCode && fastifyCodes[fastifyCode]) return new AppError(fastifyCodes[fastifyCode]!);
  if (e?.name === 'SyntaxError' && e.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (isDatabaseDataError(error)) return new AppError('UNSTORABLE_VALUE');
  if (isUniqueViolation(error)) return new AppError('CHANGED_AT_THE_SAME_TIME');
  const status = e?.getStatus?.() ?? e?.statusCode ?? e?.status;
  if (status === 404) return new AppError('ROUTE_NOT_FOUND');
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (status === 400) return new AppError('VALIDATION_FAILED');
  return new AppError('INTERNAL');
}

export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  // A schema let through a value the database refused: worth a look, though the client erred.
  if (appError.code === 'UNSTORABLE_VALUE') request.log.warn({ err: error }, 'database refused a value');
  void reply
    .status(appError.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({
      error: {
        code: appError.code,
        message: appError.message || errorTable[appError.code].message,
        ...(appError.fields ? { fields: appError.fields } : {}),
      },
      requestId: request.id,
    });
}
