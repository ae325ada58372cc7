// Two API replicas behind one proxy share the login throttle through Redis: spreading password
// guesses over the replicas gains an attacker nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { postJson } from '../support/api.js';
import { startApp, type RunningApp } from '../support/app.js';
import { PASSWORD } from '../support/people.js';
import { startRedis, type RunningRedis } from '../support/redis.js';

const LOGIN_ATTEMPT_LIMIT = 10;

let redis: RunningRedis;
let database: TestDatabase;
let replicas: RunningApp[] = [];

beforeAll(async () => {
  redis = await startRedis();
  database = await createTestDatabase();
  const env = { REDIS_URL: redis.url };
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
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

describe('login throttling across replicas', () => {
  it('counts failures made on one replica when logging in on the other', async () => {
    const [first, second] = replicas as [RunningApp, RunningApp];
    const email = `replica.${Date.now()}@example.test`;
    expect(
      (await post(first.url, '/api/auth/signup', { name: 'Replica User', email, password: PASSWORD })).status,
    ).toBe(201);
    for (let i = 0; i < LOGIN_ATTEMPT_LIMIT; i++) {
      const replica = i % 2 === 0 ? first : second;
      expect((await post(replica.url, '/api/auth/login', { email, password: 'wrong password 1' })).status).toBe(401);
    }
    const blocked = await post(second.url, '/api/auth/login', { email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error?.code).toBe('RATE_LIMITED');
  });
});
