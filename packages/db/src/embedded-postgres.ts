import { spawn, type ChildProcess } from 'node:child_process';
import { access, chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './free-port.js';
import { postgresBinaries } from './postgres-binaries.js';
import { postgresUser, reachableByOthers, type PostgresUser } from './postgres-user.js';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Where the data is: `dataDir` as asked, or the folder it had to move to (see below). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Keep the data directory when stopping (the app); tests throw theirs away. */
  persistent: boolean;
  database?: string;
  onLog?: (line: string) => void;
}

const USER = 'commonplace';
const PASSWORD = 'commonplace';
// Where root keeps an app's data when the postgres user cannot enter the project's folder.
const ROOT_DATA_HOME = '/var/lib/commonplace';
const READY = 'database system is ready to accept connections';

/**
 * Where the server keeps its data: the folder asked for, unless it runs as the postgres user
 * (started by root) and a private folder above stops that user; then a folder of this data's own
 * under /var/lib/commonplace, the same at every start, so nothing saved goes astray.
 */
async function usableDataDir(dataDir: string, user: PostgresUser | undefined): Promise<string> {
  await mkdir(dirname(dataDir), { recursive: true });
  if (!user || (await reachableByOthers(dataDir))) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const moved = join(ROOT_DATA_HOME, key, 'postgres');
  await mkdir(dirname(moved), { recursive: true, mode: 0o755 });
  return moved;
}

const isInitialised = (dataDir: string) =>
  access(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );

/** Runs a PostgreSQL program as the server's user, with its messages in English to read them. */
function run(binary: string, args: string[], user: PostgresUser | undefined, onLog: (line: string) => void) {
  const child = spawn(binary, args, {
    ...user,
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => onLog(chunk.toString()));
  return child;
}

async function initialise(
  initdb: string,
  dataDir: string,
  user: PostgresUser | undefined,
  onLog: (line: string) => void,
) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (user) await chown(dataDir, user.uid, user.gid);
  // initdb reads the password from a file; the server's user must be able to read it.
  const passwordFile = join(tmpdir(), `commonplace-pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      user,
      onLog,
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('close', done);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${errors.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; rejects with what it said if it stops. */
function serve(
  postgres: string,
  dataDir: string,
  port: number,
  user: PostgresUser | undefined,
  onLog: (line: string) => void,
) {
  const child = run(
    postgres,
    // fsync stays on: what a user saved survives a power cut. No Unix socket: TCP on loopback only.
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    user,
    onLog,
  );
  return new Promise<ChildProcess>((ready, fail) => {
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      onLog(text);
      said += text;
      if (said.includes(READY)) ready(child);
    });
    child.once('error', fail);
    child.once('close', (code) =>
      fail(new Error(`PostgreSQL stopped while starting (exit code ${code}): ${said.trim()}`)),
    );
  });
}

/** Stops the server the way `pg_ctl stop -m fast` does, and waits for it. */
function shutdown(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((stopped) => {
    child.once('close', () => stopped());
    child.kill('SIGINT');
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const onLog = options.onLog ?? (() => {});
  const user = postgresUser();
  const binaries = await postgresBinaries(user !== undefined);
  const dataDir = await usableDataDir(resolve(options.dataDir), user);
  if (!(await isInitialised(dataDir))) await initialise(binaries.initdb, dataDir, user, onLog);
  const port = await freePort();
  const server = await serve(binaries.postgres, dataDir, port, user, onLog);
  // If this process ends without stopping it, the server goes too rather than linger.
  const stopWithUs = () => server.kill('SIGINT');
  process.once('exit', stopWithUs);
  const stop = async () => {
    process.off('exit', stopWithUs);
    await shutdown(server);
    if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  };

  const database = options.database ?? 'commonplace';
  const url = (name: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  const client = new pg.Client({ connectionString: url('postgres') });
  try {
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    await client.end();
  }
  return { url: url(database), port, dataDir, stop };
}
