import { z } from 'zod';
import { storedText } from './fields.js';

export const PASSWORD_MIN_LENGTH = 10;

export const email = storedText()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }).max(254));

/** The rules are named one by one so a person learns which one their password broke. */
export const passwordRules = [
  { rule: `at least ${PASSWORD_MIN_LENGTH} characters`, test: (p: string) => p.length >= PASSWORD_MIN_LENGTH },
  { rule: 'at most 200 characters', test: (p: string) => p.length <= 200 },
  { rule: 'a letter', test: (p: string) => /\p{L}/u.test(p) },
  { rule: 'a digit or a symbol', test: (p: string) => /[^\p{L}\s]/u.test(p) },
] as const;

export function brokenPasswordRules(password: string): string[] {
  return passwordRules.filter((r) => !r.test(password)).map((r) => r.rule);
}

export const signupRequest = z.object({
  name: storedText().trim().min(1, 'Enter your name.').max(100),
  email,
  password: storedText().max(1000),
});
export type SignupRequest = z.infer<typeof signupRequest>;

export const loginRequest = z.object({
  email,
  password: storedText().min(1, 'Enter your password.').max(1000),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const user = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export type User = z.infer<typeof user>;

export const SESSION_COOKIE = 'cp_session';

/**
 * Headers the web app's server adds to its API calls to name the browser it calls for; the API
 * believes them only with the secret both share (WEB_HOP_SECRET).
 */
export const WEB_HOP_HEADERS = {
  secret: 'x-web-hop-secret',
  address: 'x-web-client-address',
  userAgent: 'x-web-client-user-agent',
} as const;
