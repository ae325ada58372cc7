import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '@commonplace/db';

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string> }>;
};

describe('the deployment, as shipped', () => {
  it('creates no demo accounts, whose password the README publishes, unless asked to', () => {
    expect(compose.services.api?.environment?.SEED_DEMO).toBe('${SEED_DEMO:-false}');
  });

  it('tells browsers to keep to https (HSTS) at the entry point', () => {
    const caddyfile = readFileSync(join(repoRoot, 'deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/^header Strict-Transport-Security "max-age=\d{8,}; includeSubDomains"$/m);
  });
});
