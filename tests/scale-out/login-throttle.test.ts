// Two API replicas behind one proxy share the login back-off and the sign-up limit through Redis:
// spreading attempts over the replicas gains nobody anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { postJson } from '../support/api.js';
import { startApp, type RunningApp } from '../support/app.js';
import { PASSWORD } from '../support/people.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

/** Failed logins one address gets at one account before it must wait (BACKOFF.pair.free in the API). */
const FREE_FAILURES = 5;
const SIGNUPS_PER_ADDRESS_PER_HOUR = 4;

let redis: RunningRedis;
let database: TestDatabase;
let replicas: RunningApp[] = [];

beforeAll(async () => {
  redis = await startRedis();
  database = await createTestDatabase();
  const env = { REDIS_URL: redis.url, SIGNUPS_PER_ADDRESS_PER_HOUR: String(SIGNUPS_PER_ADDRESS_PER_HOUR) };
  replicas = [
    await startApp({ env, database: { kind: 'shared', database } }),
    await startApp({ env, database: { kind: 'shared', database } }),
  ];
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await database?.drop();
  await redis?.stop();
});

async function post(baseUrl: string, path: string, body: unknown) {
  const response = await postJson(baseUrl, path, body);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { error?: { code: string } },
  };
}

describe('abuse limits across replicas', () => {
  it('counts failures made on one replica when logging in on the other', async () => {
    const [first, second] = replicas as [RunningApp, RunningApp];
    const email = `replica.${Date.now()}@example.test`;
    expect(
      (await post(first.url, '/api/auth/signup', { name: 'Replica User', email, password: PASSWORD })).status,
    ).toBe(201);
    for (let i = 0; i < FREE_FAILURES; i++) {
      const replica = i % 2 === 0 ? first : second;
      expect((await post(replica.url, '/api/auth/login', { email, password: 'wrong password 1' })).status).toBe(401);
    }
    const blocked = await post(second.url, '/api/auth/login', { email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe('RATE_LIMITED');
    expect(blocked.retryAfter).toBe('1');
  });

  it("counts one address's sign-ups on both replicas together", async () => {
    const [first, second] = replicas as [RunningApp, RunningApp];
    // The first test made one sign-up from this address already.
    const statuses: number[] = [];
    for (let i = 1; i <= SIGNUPS_PER_ADDRESS_PER_HOUR; i++) {
      const replica = i % 2 === 0 ? first : second;
      const email = `signup.${i}.${Date.now()}@example.test`;
      statuses.push(
        (await post(replica.url, '/api/auth/signup', { name: 'Signer', email, password: PASSWORD })).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
