import { describe, expect, it } from 'vitest';
import { brokenPasswordRules, joinRequest, signupRequest } from './index.js';

describe('signup and join input', () => {
  it('names each password rule a weak password breaks', () => {
    expect(brokenPasswordRules('short')).toEqual(['at least 10 characters', 'a digit or a symbol']);
    expect(brokenPasswordRules('1234567890')).toEqual(['a letter']);
    expect(brokenPasswordRules('correct horse 7')).toEqual([]);
  });

  it('normalises emails so one person cannot sign up twice by case', () => {
    const parsed = signupRequest.parse({ name: ' Aigerim ', email: ' Aigerim@Example.KZ ', password: 'x' });
    expect(parsed).toMatchObject({ name: 'Aigerim', email: 'aigerim@example.kz' });
    expect(signupRequest.safeParse({ name: 'A', email: 'not-an-email', password: 'x' }).success).toBe(false);
  });

  it('accepts a join code however a student types it', () => {
    expect(joinRequest.parse({ code: ' abcd-efgh ' }).code).toBe('ABCDEFGH');
  });
});
