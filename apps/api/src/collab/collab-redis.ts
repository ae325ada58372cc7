import { Redis } from '@hocuspocus/extension-redis';
import type { Document, onAwarenessUpdatePayload } from '@hocuspocus/server';

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
      // While Redis is away, publishes wait for it instead of failing: the extension does not
      // await all of them, and a rejected one would end the process.
      maxRetriesPerRequest: null,
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

  /**
   * The extension publishes presence only while the document has connections on this process, and
   * Hocuspocus runs this hook a tick after the update: when the last person here leaves, their
   * connection is already gone, and the people on the other processes went on seeing them until
   * their presence timed out (30 s). Someone leaving is published whatever the count.
   */
  override async onAwarenessUpdate(payload: onAwarenessUpdatePayload): ReturnType<Redis['onAwarenessUpdate']> {
    if (payload.removed.length === 0) return super.onAwarenessUpdate(payload);
    const counted: Document = Object.create(payload.document, { connections: { value: new Map([[null, null]]) } });
    return super.onAwarenessUpdate({ ...payload, document: counted });
  }
}
