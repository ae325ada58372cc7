import { Logger } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@commonplace/db/testing';
import { PgChannel } from './pg-channel.js';

let db: TestDatabase;
let sender: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  sender = new pg.Client({ connectionString: db.url });
  await sender.connect();
});
afterAll(async () => {
  await sender.end();
  await db.drop();
});

async function eventually(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !check(); attempt++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}

describe('a LISTEN/NOTIFY channel', () => {
  it('hands on payloads, and after losing its connection listens again and reports the gap', async () => {
    const payloads: string[] = [];
    let gaps = 0;
    const channel = new PgChannel({
      databaseUrl: db.url,
      channel: 'pg_channel_test',
      log: new Logger('PgChannelTest'),
      onPayload: (payload) => payloads.push(payload),
      onGap: () => gaps++,
    });
    await channel.listen();
    await sender.query(`SELECT pg_notify('pg_channel_test', 'one')`);
    await eventually(() => payloads.length === 1);

    await sender.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN pg_channel_test' AND pid <> pg_backend_pid()`);
    await eventually(() => gaps === 1);
    await sender.query(`SELECT pg_notify('pg_channel_test', 'two')`);
    await eventually(() => payloads.length === 2);
    expect(payloads).toEqual(['one', 'two']);
    await channel.stop();
  });
});
