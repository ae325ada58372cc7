import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { fromOwnSite, originReached } from '../common/cross-site.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { CollabAuthExtension } from './collab-auth.extension.js';
import { MAX_MESSAGE_BYTES } from './collab-limits.js';
import { CollabRedis } from './collab-redis.js';
import { guardFrames } from './frame-guard.js';
import { LiveRevocation } from './live-revocation.js';
import { PersistenceExtension } from './persistence.extension.js';
import { PresenceRelay } from './presence-relay.js';
import { UpdateLog } from './update-log.js';

export const COLLAB_PATH = '/collab';

/** Hocuspocus, unloading a document only while it is the instance the server holds under its name. */
class CollabHocuspocus extends Hocuspocus {
  override async unloadDocument(document: Document): Promise<void> {
    // Hocuspocus looks the name up alone: a late unload of an instance already unloaded (a timer of
    // its last store) would take away the one loaded since, leaving its clients apart from everyone
    // who joins after.
    if (this.documents.get(document.name) !== document) return;
    return super.unloadDocument(document);
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Hocuspocus inside the API process, on `/collab` of the API's own HTTP server: same origin, same
 * session cookie. Its extensions are Nest providers; with REDIS_URL, processes share live documents
 * through Redis (`CollabRedis`). On shutdown it closes every connection and waits until every
 * update received is stored.
 */
@Injectable()
export class CollabServer implements BeforeApplicationShutdown {
  readonly hocuspocus: Hocuspocus;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly publicOrigin: string;
  private readonly trustProxy: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CollabAuthExtension) auth: CollabAuthExtension,
    @Inject(PersistenceExtension) persistence: PersistenceExtension,
    @Inject(PresenceRelay) presence: PresenceRelay,
    @Inject(LiveRevocation) revocation: LiveRevocation,
    @Inject(UpdateLog) private readonly updates: UpdateLog,
  ) {
    this.publicOrigin = config.PUBLIC_ORIGIN;
    this.trustProxy = config.TRUST_PROXY;
    const shared = config.REDIS_URL ? [new CollabRedis(config.REDIS_URL)] : [];
    this.hocuspocus = new CollabHocuspocus({
      quiet: true,
      extensions: [auth, persistence, presence, revocation, ...shared],
    });
  }

  /** Takes over websocket upgrades on `/collab` of `server`; any other upgrade is refused. */
  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== COLLAB_PATH) return refuseUpgrade(socket, '404 Not Found');
      // Browsers send their page's origin: a page of another site may not use the visitor's cookie.
      const reachedAt = originReached(request.headers, this.trustProxy);
      if (!fromOwnSite(request.headers.origin, this.publicOrigin, reachedAt))
        return refuseUpgrade(socket, '403 Forbidden');
      this.sockets.handleUpgrade(request, socket, head, (ws) => {
        // A bad frame (oversized, a broken frame) is closed by ws itself with its code; the
        // error is that socket's alone and must not reach the process.
        ws.on('error', () => undefined);
        guardFrames(ws);
        this.hocuspocus.handleConnection(ws, request);
      });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.hocuspocus.closeConnections();
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    await this.updates.flush();
    // Lets the Redis extension, when there is one, close its connections.
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
  }
}
