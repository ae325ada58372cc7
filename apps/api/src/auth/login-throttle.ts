import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

/** Failures are forgotten this long after the last one. */
export const FAILURE_MEMORY_MS = 15 * 60 * 1000;

/**
 * Each scope allows some failed logins free, then makes the next attempt wait 1 s, 2 s, 4 s ...
 * up to its cap. A guesser at one account from one address is slowed most; the account alone
 * (guesses from everywhere) and the address alone (one campus behind one address, or one
 * guesser spraying accounts) only briefly, so that no stranger can lock an owner or a class out.
 */
export const BACKOFF = {
  pair: { free: 5, capMs: 5 * 60 * 1000 },
  account: { free: 20, capMs: 60 * 1000 },
  address: { free: 100, capMs: 60 * 1000 },
} as const;
type Scope = keyof typeof BACKOFF;

interface Failures {
  count: number;
  lastAt: number;
}

interface FailureStore {
  get(keys: string[]): Promise<(Failures | null)[]>;
  fail(keys: string[]): Promise<void>;
  clear(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

const PRUNE_ABOVE = 50_000;

class MemoryFailureStore implements FailureStore {
  private readonly failures = new Map<string, Failures>();

  async get(keys: string[]) {
    return keys.map((key) => {
      const entry = this.failures.get(key);
      return entry && entry.lastAt + FAILURE_MEMORY_MS > Date.now() ? entry : null;
    });
  }
  async fail(keys: string[]) {
    const now = Date.now();
    const current = await this.get(keys);
    keys.forEach((key, i) => this.failures.set(key, { count: (current[i]?.count ?? 0) + 1, lastAt: now }));
    // Guesses at made-up accounts must not grow the map without end.
    if (this.failures.size > PRUNE_ABOVE) {
      for (const [key, entry] of this.failures) if (entry.lastAt + FAILURE_MEMORY_MS <= now) this.failures.delete(key);
    }
  }
  async clear(keys: string[]) {
    for (const key of keys) this.failures.delete(key);
  }
  async close() {}
}

/** Shared by every API instance, so spreading guesses over replicas gains nothing. */
class RedisFailureStore implements FailureStore {
  constructor(private readonly redis: Redis) {}

  async get(keys: string[]) {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(key, 'count', 'lastAt');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([, value]) => {
      const [count, lastAt] = (value as (string | null)[]) ?? [];
      return count && lastAt ? { count: Number(count), lastAt: Number(lastAt) } : null;
    });
  }
  async fail(keys: string[]) {
    const now = Date.now();
    const multi = this.redis.multi();
    for (const key of keys) {
      multi.hincrby(key, 'count', 1).hset(key, 'lastAt', now).pexpire(key, FAILURE_MEMORY_MS);
    }
    await multi.exec();
  }
  async clear(keys: string[]) {
    if (keys.length) await this.redis.del(...keys);
  }
  async close() {
    await this.redis.quit();
  }
}

export function backoffMs(scope: Scope, failures: number): number {
  const { free, capMs } = BACKOFF[scope];
  return failures < free ? 0 : Math.min(1000 * 2 ** (failures - free), capMs);
}

/** Failed logins by address and account, each scope with its own back-off. */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly store: FailureStore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.store = config.REDIS_URL
      ? new RedisFailureStore(new Redis(config.REDIS_URL, { keyPrefix: 'commonplace:login:', maxRetriesPerRequest: 2 }))
      : new MemoryFailureStore();
  }

  private keys(address: string, email: string): Record<Scope, string> {
    return { pair: `pair:${address}|${email}`, account: `account:${email}`, address: `address:${address}` };
  }

  /** How long this address must wait before trying this account again; 0 when it may now. */
  async waitMs(address: string, email: string): Promise<number> {
    const keys = this.keys(address, email);
    const scopes = Object.keys(keys) as Scope[];
    const failures = await this.store.get(scopes.map((s) => keys[s]));
    const now = Date.now();
    return Math.max(
      0,
      ...scopes.map((scope, i) => {
        const entry = failures[i];
        return entry ? entry.lastAt + backoffMs(scope, entry.count) - now : 0;
      }),
    );
  }
  recordFailure(address: string, email: string): Promise<void> {
    return this.store.fail(Object.values(this.keys(address, email)));
  }
  /** The owner got in: the account's own count starts again; the address's is left to age out. */
  clear(address: string, email: string): Promise<void> {
    const keys = this.keys(address, email);
    return this.store.clear([keys.pair, keys.account]);
  }
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
