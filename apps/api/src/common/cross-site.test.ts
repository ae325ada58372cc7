import { describe, expect, it } from 'vitest';
import { originReached } from './cross-site.js';

describe('originReached', () => {
  const forwarded = {
    host: '10.0.0.5:3000',
    'x-forwarded-proto': 'http, https',
    'x-forwarded-host': 'spoofed.example, commonplace.example',
  };

  it('ignores forwarded headers a client could write itself, unless a proxy is trusted', () => {
    expect(originReached(forwarded, false)).toBe('http://10.0.0.5:3000');
  });

  it('behind a trusted proxy, takes what the proxy added last, as Fastify does for requests', () => {
    expect(originReached(forwarded, true)).toBe('https://commonplace.example');
  });
});
