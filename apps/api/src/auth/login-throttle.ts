import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export const LOGIN_ATTEMPT_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

interface AttemptStore {
  count(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

class MemoryAttemptStore implements AttemptStore {
  private readonly attempts = new Map<string, { count: number; resetAt: number }>();

  async count(key: string) {
    const entry = this.attempts.get(key);
    if (!entry || entry.resetAt <= Date.now()) return 0;
    return entry.count;
  }
  async fail(key: string) {
    const current = await this.count(key);
    const resetAt = current ? this.attempts.get(key)!.resetAt : Date.now() + LOGIN_WINDOW_MS;
    this.attempts.set(key, { count: current + 1, resetAt });
  }
  async clear(key: string) {
    this.attempts.delete(key);
  }
  async close() {}
}

/** Shared by every API instance, so spreading guesses over replicas gains nothing. */
class RedisAttemptStore implements AttemptStore {
  constructor(private readonly redis: Redis) {}

  async count(key: string) {
    return Number((await this.redis.get(key)) ?? 0);
  }
  async fail(key: string) {
    await this.redis.multi().incr(key).pexpire(key, LOGIN_WINDOW_MS, 'NX').exec();
  }
  async clear(key: string) {
    await this.redis.del(key);
  }
  async close() {
    await this.redis.quit();
  }
}

/** Failed logins per client address and email, over a sliding 15-minute window. */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly store: AttemptStore;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.store = config.REDIS_URL
      ? new RedisAttemptStore(new Redis(config.REDIS_URL, { keyPrefix: 'commonplace:login:', maxRetriesPerRequest: 2 }))
      : new MemoryAttemptStore();
  }

  private key(ip: string, email: string) {
    return `${ip}|${email}`;
  }

  async isBlocked(ip: string, email: string): Promise<boolean> {
    return (await this.store.count(this.key(ip, email))) >= LOGIN_ATTEMPT_LIMIT;
  }
  recordFailure(ip: string, email: string): Promise<void> {
    return this.store.fail(this.key(ip, email));
  }
  clear(ip: string, email: string): Promise<void> {
    return this.store.clear(this.key(ip, email));
  }
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
