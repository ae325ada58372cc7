import { errorTable, type ErrorCode } from '@commonplace/contracts';

/** The one way services fail: by a code from the contracts' error table. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? errorTable[code].message);
  }

  get status(): number {
    return errorTable[this.code].status;
  }
}
