import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashes', () => {
  it('are argon2id, salted, and only verify the right password', async () => {
    const a = await hashPassword('correct horse 7');
    const b = await hashPassword('correct horse 7');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse 7')).toBe(true);
    expect(await verifyPassword(a, 'correct horse 8')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
