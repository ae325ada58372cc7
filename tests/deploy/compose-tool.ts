import { spawnSync } from 'node:child_process';

/** The major version in what `docker-compose version` prints (v1: "docker-compose version 1.29.2, ..."). */
export function composeMajorVersion(versionOutput: string): number | undefined {
  const match = /version v?(\d+)\.\d+/i.exec(versionOutput);
  return match ? Number(match[1]) : undefined;
}

/** The `docker-compose` on the PATH, if any, with its version. */
export function installedDockerCompose(): { version: string; major: number | undefined } | undefined {
  const result = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const version = result.stdout.split('\n')[0]!.trim();
  return { version, major: composeMajorVersion(version) };
}
