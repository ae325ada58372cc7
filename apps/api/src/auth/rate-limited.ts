import { AppError } from '../common/app-error.js';

/** RATE_LIMITED, knowing when the caller may try again (sent as Retry-After). */
export class RateLimited extends AppError {
  readonly retryAfterSeconds: number;

  constructor(waitMs: number) {
    super('RATE_LIMITED', `Too many attempts. Try again in ${describeWait(waitMs)}.`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  }
}

function describeWait(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
