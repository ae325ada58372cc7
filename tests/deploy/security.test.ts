import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '@commonplace/db';

const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string> }>;
};

describe('the deployment, as shipped', () => {
  it('creates no demo accounts, whose password the README publishes', () => {
    expect(compose.services.api?.environment?.SEED_DEMO).toBeUndefined();
    const deployedEntry = readFileSync(join(repoRoot, 'apps/api/src/main.ts'), 'utf8');
    expect(deployedEntry).not.toMatch(/seed/i);
  });

  it("has the web app pass on the browser's address from the proxy, with a secret the API shares", () => {
    const secret = compose.services.api?.environment?.WEB_HOP_SECRET;
    expect(secret).toMatch(/^\$\{WEB_HOP_SECRET:\?/);
    expect(compose.services.web?.environment?.WEB_HOP_SECRET).toBe(secret);
    expect(compose.services.web?.environment?.ADDRESS_HEADER).toBe('X-Forwarded-For');
  });

  it('tells browsers at the entry point to keep to https (HSTS), sniff no types and frame nothing', () => {
    const caddyfile = readFileSync(join(repoRoot, 'deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/^header Strict-Transport-Security "max-age=\d{8,}; includeSubDomains"$/m);
    expect(caddyfile).toMatch(/^header X-Content-Type-Options nosniff$/m);
    expect(caddyfile).toMatch(/^header X-Frame-Options DENY$/m);
  });
});
