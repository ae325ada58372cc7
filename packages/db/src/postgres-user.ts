import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';

export interface PostgresUser {
  uid: number;
  gid: number;
}

const idOf = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

/**
 * Who the embedded server runs as. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user, created if the machine has none; as anyone else, as that user (undefined).
 */
export function postgresUser(): PostgresUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    return { uid: idOf('-u'), gid: idOf('-g') };
  }
}

/**
 * Whether another user can reach `path`: every folder above it lets others through. A private
 * folder (a `mktemp -d` one, a home folder) on the way stops the postgres user at its door.
 */
export async function reachableByOthers(path: string): Promise<boolean> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}
