import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BACKOFF } from './login-throttle.js';
import { hashToken } from './sessions.service.js';
import { PASSWORD, signUp } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';

let t: TestApi;
beforeAll(async () => (t = await startTestApi()));
afterAll(() => t.close());
beforeEach(() => t.db.truncate());

describe('accounts and sessions', () => {
  it('signs up, stays logged in, logs out', async () => {
    const client = t.client();
    const signup = await client.call(
      'signup',
      {},
      { name: 'Aigerim', email: 'Aigerim@Example.kz', password: PASSWORD },
    );
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({ name: 'Aigerim', email: 'aigerim@example.kz' });
    const cookie = signup.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await client.call('me')).body.email).toBe('aigerim@example.kz');

    expect((await client.call('logout')).status).toBe(204);
    expect((await client.call('me')).status).toBe(401);
    expect(await t.prisma.session.count()).toBe(0);
  });

  it('keeps only a hash of the session token and an argon2id password hash', async () => {
    const client = await signUp(t, 'Nurlan');
    const session = await t.prisma.session.findFirstOrThrow();
    expect(session.tokenHash).toBe(hashToken(client.session!));
    expect(session.tokenHash).not.toContain(client.session!);
    const user = await t.prisma.user.findFirstOrThrow();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a taken email whatever its case, naming the problem', async () => {
    const first = await signUp(t, 'Saule');
    const again = await t
      .client()
      .call('signup', {}, { name: 'Saule', email: first.email.toUpperCase(), password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
    expect(await t.prisma.user.count()).toBe(1);
  });

  it('refuses a weak password with a message naming the rule', async () => {
    const response = await t
      .client()
      .call('signup', {}, { name: 'Timur', email: 'timur@example.kz', password: 'abcdefgh' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('WEAK_PASSWORD');
    expect(response.body.error.message).toMatch(/at least 10 characters/);
    expect(response.body.error.message).toMatch(/a digit or a symbol/);
    expect(await t.prisma.user.count()).toBe(0);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await signUp(t, 'Madina');
    const wrong = await t.client().call('login', {}, { email: user.email, password: 'not the password 1' });
    const unknown = await t.client().call('login', {}, { email: 'nobody@example.kz', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
  });

  it('makes a guesser wait a little longer after each failure, saying how long in Retry-After', async () => {
    const user = await signUp(t, 'Yerlan');
    const wrong = () => t.client().call('login', {}, { email: user.email, password: 'wrong password 1' });
    for (let i = 0; i < BACKOFF.pair.free; i++) expect((await wrong()).status).toBe(401);
    const blocked = await t.client().call('login', {}, { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(blocked.body.error.message).toMatch(/Try again in 1 second/);

    await new Promise((r) => setTimeout(r, 1000));
    expect((await wrong()).status).toBe(401);
    // One more failure doubles the wait.
    expect((await wrong()).headers.get('retry-after')).toBe('2');
    await new Promise((r) => setTimeout(r, 2000));
    expect((await t.client().call('login', {}, { email: user.email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a password from the common-passwords list or equal to the email, creating nothing', async () => {
    const common = await t
      .client()
      .call('signup', {}, { name: 'Timur', email: 'timur@example.kz', password: 'Password123' });
    expect(common.status).toBe(400);
    expect(common.body.error.code).toBe('WEAK_PASSWORD');
    expect(common.body.error.fields.password).toMatch(/most common/);
    const own = await t
      .client()
      .call('signup', {}, { name: 'Timur', email: 'timur.2027@example.kz', password: 'Timur.2027@example.kz' });
    expect(own.status).toBe(400);
    expect(own.body.error.fields.password).toMatch(/must not be your email/);
    expect(await t.prisma.user.count()).toBe(0);
  });

  it('takes as long to refuse a taken email as to create an account', async () => {
    const taken = await signUp(t, 'Arman');
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await t.client().call('signup', {}, { name: 'Arman', email, password: PASSWORD });
      return { status: response.status, ms: performance.now() - started };
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const refused: number[] = [];
    const created: number[] = [];
    for (let i = 0; i < 7; i++) {
      const duplicate = await timed(taken.email);
      expect(duplicate.status).toBe(409);
      refused.push(duplicate.ms);
      const fresh = await timed(`arman.${i}@example.kz`);
      expect(fresh.status).toBe(201);
      created.push(fresh.ms);
    }
    // Without the hash on the refusal it answers in a few ms against the hash's tens (a twentieth
    // of the time); with it, in well over half, the rest being the account's and session's rows.
    // The bound sits between the two, clear of the noise of a busy machine.
    expect(median(refused)).toBeGreaterThan(median(created) * 0.3);
  });

  it('ends an expired session', async () => {
    const client = await signUp(t, 'Dana');
    await t.prisma.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.call('me')).status).toBe(401);
  });
});
