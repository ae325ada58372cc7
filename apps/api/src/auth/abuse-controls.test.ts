// Login and sign-up limits as people behind different addresses meet them. The addresses are the
// ones the web app's server names with the shared secret, as it does for every browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, WEB_HOP_HEADERS } from '@commonplace/contracts';
import { configSchema } from '../config/config.schema.js';
import { PASSWORD, signUp } from '../testing/factories.js';
import { startTestApi, type TestApi } from '../testing/test-api.js';
import { BACKOFF } from './login-throttle.js';

const SECRET = 'a-secret-shared-with-the-web-hop';
// The limits as deployed by default (other test APIs lift them, signing everyone up from one address).
const { SIGNUPS_PER_ADDRESS_PER_HOUR: DEFAULT_SIGNUP_LIMIT, AUTH_CALLS_PER_MINUTE } = configSchema.parse({});

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({
    WEB_HOP_SECRET: SECRET,
    SIGNUPS_PER_ADDRESS_PER_HOUR: String(DEFAULT_SIGNUP_LIMIT),
    AUTH_CALLS_PER_MINUTE: String(AUTH_CALLS_PER_MINUTE),
  });
});
afterAll(() => t.close());

const from = (address: string, secret = SECRET) => ({
  [WEB_HOP_HEADERS.secret]: secret,
  [WEB_HOP_HEADERS.address]: address,
  [WEB_HOP_HEADERS.userAgent]: `Browser at ${address}`,
});
const login = (address: string, email: string, password: string, secret = SECRET) =>
  t.client().request('POST', routes.login.path, { email, password }, from(address, secret));

describe('login limits', () => {
  it("lets the owner in from their own address after a stranger's wrong passwords", async () => {
    const owner = await signUp(t, 'Owner');
    for (let i = 0; i < 12; i++) await login('203.0.113.5', owner.email, `guess number ${i}`);
    const stranger = await login('203.0.113.5', owner.email, 'guess number 13');
    expect(stranger.status).toBe(429);

    const own = await login('198.51.100.7', owner.email, PASSWORD);
    expect(own.status).toBe(200);
    expect(own.body.email).toBe(owner.email);
  });

  it('slows an address that guesses at many accounts, telling it when to come back', async () => {
    const victim = await signUp(t, 'Victim');
    const sprayer = '203.0.113.66';
    for (let i = 0; i < BACKOFF.address.free; i++) {
      expect((await login(sprayer, `nobody.${i}@example.test`, 'Password-2027')).status).toBe(401);
    }
    const refused = await login(sprayer, victim.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Everyone else is not held up by it.
    expect((await login('198.51.100.70', victim.email, PASSWORD)).status).toBe(200);
  });

  it('believes a named address only from the web hop: without its secret all guesses count as one', async () => {
    const user = await signUp(t, 'Guessed');
    for (let i = 0; i < BACKOFF.pair.free; i++) {
      expect((await login(`192.0.2.${i}`, user.email, 'wrong password 1', 'not-the-secret-at-all')).status).toBe(401);
    }
    const next = await login('192.0.2.99', user.email, PASSWORD, 'not-the-secret-at-all');
    expect(next.status).toBe(429);
  });

  it("records the browser's user agent on the session it logs into", async () => {
    const user = await signUp(t, 'Agent');
    expect((await login('198.51.100.9', user.email, PASSWORD)).status).toBe(200);
    const sessions = await t.prisma.session.findMany({ where: { userId: user.userId } });
    expect(sessions.map((s) => s.userAgent)).toContain('Browser at 198.51.100.9');
  });
});

describe('sign-up limits', () => {
  it(
    'lets a class of 300 behind one campus address sign up, join and log in within ten minutes',
    async () => {
      const started = Date.now();
      const instructor = await signUp(t, 'Class Instructor');
      const course = await instructor.call('createCourse', {}, { title: 'Big Lecture', term: 'Fall 2027' });
      const joinCode = course.body.joinCode as string;
      const campus = '198.51.100.200';
      const student = async (n: number) => {
        const client = t.client();
        const email = `student.${n}@campus.example.test`;
        const headers = from(campus);
        const signed = await client.request(
          'POST',
          routes.signup.path,
          { name: `Student ${n}`, email, password: PASSWORD },
          headers,
        );
        const joined = await client.request('POST', routes.joinCourse.path, { code: joinCode }, headers);
        const loggedIn = await t.client().request('POST', routes.login.path, { email, password: PASSWORD }, headers);
        return [signed.status, joined.status, loggedIn.status];
      };
      const results: number[][] = [];
      for (let batch = 0; batch < 300; batch += 10) {
        results.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => student(batch + i)))));
      }
      const expected = [routes.signup.status, routes.joinCourse.status, routes.login.status];
      expect(results.filter((statuses) => statuses.join() !== expected.join())).toEqual([]);
      expect(await t.prisma.enrollment.count({ where: { courseId: course.body.id as string } })).toBe(301);
      expect(Date.now() - started).toBeLessThan(10 * 60 * 1000);
    },
    10 * 60 * 1000,
  );

  it('stops one address from signing up without end, with Retry-After', async () => {
    const script = '203.0.113.200';
    // Refused sign-ups count too: the limit is on trying, before any work is done.
    const weak = { name: 'Script', email: 'script@example.test', password: 'short' };
    for (let i = 0; i < DEFAULT_SIGNUP_LIMIT; i++) {
      expect((await t.client().request('POST', routes.signup.path, weak, from(script))).status).toBe(400);
    }
    const refused = await t.client().request('POST', routes.signup.path, { ...weak, password: PASSWORD }, from(script));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(await t.prisma.user.count({ where: { email: 'script@example.test' } })).toBe(0);
  });
});

describe('the ceiling on password checks', () => {
  // Last in this file: once reached, it holds every login for up to a minute.
  it('refuses logins from everyone for a moment once all addresses together make too many', async () => {
    const user = await signUp(t, 'Ceiling');
    const burst = Array.from({ length: AUTH_CALLS_PER_MINUTE }, (_, i) => i);
    for (let start = 0; start < burst.length; start += 50) {
      await Promise.all(
        burst.slice(start, start + 50).map((i) =>
          // Refused as invalid, so cheap: the ceiling counts attempts, before any work is done.
          t.client().request('POST', routes.login.path, {}, from(`10.${i >> 8}.${i & 255}.1`)),
        ),
      );
    }
    const refused = await login('198.51.100.123', user.email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });
});
