import { Redis } from '@hocuspocus/extension-redis';

/** The connection options of a `redis://` or `rediss://` URL, as the Redis extension takes them. */
function connectionOf(url: string) {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    options: {
      username: decodeURIComponent(parsed.username) || undefined,
      password: decodeURIComponent(parsed.password) || undefined,
      db: Number.isInteger(db) ? db : 0,
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}

/**
 * Shares live documents between API processes through Redis pub/sub: an update applied on one
 * process reaches the others' clients. An update relayed this way is applied with the extension's
 * own origin, never through `beforeHandleMessage`, so only the process its client is connected to
 * appends it to the update log: every change is stored once.
 *
 * The extension also takes a Redis lock around `onStoreDocument`, so that two processes do not
 * write one document whole at once. Ours are never written whole (each update is appended as it
 * arrives), so that lock would guard nothing while costing Redis round trips, and losing the race
 * for it makes Hocuspocus log an error: both hooks are left out.
 */
export class CollabRedis extends Redis {
  constructor(url: string) {
    super({ ...connectionOf(url), prefix: 'commonplace:collab' });
  }

  override async onStoreDocument(): Promise<void> {}

  override async afterStoreDocument(): Promise<void> {}
}
