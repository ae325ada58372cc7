import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.schema.js';

describe('configuration', () => {
  it('has working defaults: port 3000, embedded database, origin from the port', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_ORIGIN).toBe('http://localhost:3000');
    expect(config.EMBEDDED_PG_DIR).toMatch(/\/\.data\/postgres$/);
    expect(loadConfig({ PORT: '8080' }).PUBLIC_ORIGIN).toBe('http://localhost:8080');
  });

  it('stops on a bad setting with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must look like postgresql:/);
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379', COOKIE_SECURE: 'yes' })).toThrow(
      /REDIS_URL.*COOKIE_SECURE|COOKIE_SECURE.*REDIS_URL/,
    );
  });

  it('marks the session cookie Secure whenever the public origin is https', () => {
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://commonplace.example.edu' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });

  it('refuses a web-hop secret short enough to guess', () => {
    expect(() => loadConfig({ WEB_HOP_SECRET: 'short' })).toThrow(/WEB_HOP_SECRET: must be at least 16 characters/);
  });
});
