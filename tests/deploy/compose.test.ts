import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '@commonplace/db';
import { composeMajorVersion, installedDockerCompose } from './compose-tool.js';

const composeFile = join(repoRoot, 'docker-compose.yml');
const compose = parse(readFileSync(composeFile, 'utf8')) as {
  services: Record<
    string,
    { build?: { dockerfile: string }; deploy?: { replicas?: number }; environment?: Record<string, string> }
  >;
};

describe('the deployment compose file', () => {
  it('passes the Compose Spec validator, and docker-compose v2+ where installed', () => {
    const dclint = join(repoRoot, 'tests/node_modules/.bin/dclint');
    const result = spawnSync(dclint, [composeFile], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).not.toMatch(/\berror\b/);
    expect(result.status).toBe(0);
    // docker-compose 1.x (Debian's 1.29) predates the Compose Spec and rejects its top-level
    // `name:`: an optional tool too old for the file must not fail the test command.
    const tool = installedDockerCompose();
    if (tool?.major && tool.major >= 2) {
      execFileSync('docker-compose', ['-f', composeFile, 'config', '-q'], { stdio: 'pipe' });
    } else if (tool) {
      console.info(`Not asking ${tool.version}: it predates the Compose Spec (dclint validated the file).`);
    }
  });

  it('tells docker-compose 1.x, which predates the Compose Spec, from v2+', () => {
    expect(composeMajorVersion('docker-compose version 1.29.2, build unknown')).toBe(1);
    expect(composeMajorVersion('Docker Compose version v2.29.7')).toBe(2);
    expect(composeMajorVersion('Docker Compose version 2.40.3+ds1-0ubuntu1')).toBe(2);
    expect(composeMajorVersion('command not found')).toBeUndefined();
  });

  it('runs postgres, redis, two API replicas, the web app and one proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis', 'web']);
    expect(compose.services.api?.deploy?.replicas).toBe(2);
    expect(compose.services.api?.environment?.REDIS_URL).toMatch(/^redis:\/\/redis:/);
    expect(compose.services.web?.environment?.API_INTERNAL_URL).toBe('http://api:3000');
    for (const service of ['api', 'web']) {
      const dockerfile = compose.services[service]?.build?.dockerfile ?? '';
      expect(readFileSync(join(repoRoot, dockerfile), 'utf8')).toMatch(/^CMD /m);
    }
  });

  it('builds images only from files the repository has', () => {
    for (const service of ['api', 'web']) {
      const dockerfile = readFileSync(join(repoRoot, compose.services[service]?.build?.dockerfile ?? ''), 'utf8');
      const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) =>
        m[1]!.trim().split(/\s+/).slice(0, -1),
      );
      expect(sources.length).toBeGreaterThan(0);
      expect(sources.filter((source) => !existsSync(join(repoRoot, source)))).toEqual([]);
    }
  });

  it('routes /api and /collab to the API and everything else to the web app', () => {
    const caddyfile = readFileSync(join(repoRoot, 'deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/@backend path \/api \/api\/\* \/collab \/collab\/\*/);
    expect(caddyfile).toMatch(/handle @backend \{[\s\S]*dynamic a api 3000/);
    expect(caddyfile).toMatch(/handle \{\s*reverse_proxy web:3000/);
  });
});
