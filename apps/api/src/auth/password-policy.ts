import { readFileSync } from 'node:fs';
import { brokenPasswordRules } from '@commonplace/contracts';
import { AppError } from '../common/app-error.js';

/** The 10,000 most common passwords (see the file's head for where the list comes from). */
const COMMON_PASSWORDS = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#')),
);

/**
 * Refuses, naming the password field, a password that breaks the shared rules, that guessers try
 * first, or that is the account's own email (or the part before the @).
 */
export function assertAcceptablePassword(password: string, email: string): void {
  const broken = brokenPasswordRules(password);
  if (broken.length) {
    throw new AppError('WEAK_PASSWORD', `The password needs ${broken.join(', ')}.`, {
      password: `Needs ${broken.join(', ')}.`,
    });
  }
  const lower = password.toLowerCase();
  if (lower === email || lower === email.split('@')[0]) {
    const message = 'The password must not be your email address.';
    throw new AppError('WEAK_PASSWORD', message, { password: message });
  }
  if (COMMON_PASSWORDS.has(lower)) {
    const message = 'This password is one of the most common ones, which guessers try first. Choose another.';
    throw new AppError('WEAK_PASSWORD', message, { password: message });
  }
}
