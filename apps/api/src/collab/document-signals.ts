import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { documentNameOf, documentSignalMessage, type DocumentSignal } from '@commonplace/contracts';
import type { Document } from '@hocuspocus/server';
import { PrismaClient } from '@commonplace/db';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PgChannel } from '../common/pg-channel.js';
import { CollabServer } from './collab-server.js';

const CHANNEL = 'collab_document_signal';

/**
 * Tells the clients open on a document, on every API process, that something kept beside its
 * content changed, so they read it again through the API (which checks their rights as ever):
 * a stateless message `{"changed":"comments"}` on the document, carrying nothing of the change
 * itself. Sent by PostgreSQL NOTIFY, so one path serves one process and many, with or without Redis.
 */
@Injectable()
export class DocumentSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('DocumentSignals');
  private readonly channel: PgChannel;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(CollabServer) private readonly collab: CollabServer,
  ) {
    this.channel = new PgChannel({
      databaseUrl: config.DATABASE_URL,
      channel: CHANNEL,
      log: this.log,
      onPayload: (payload) => this.deliver(payload),
      // What changed while nobody listened is unknown: every open document's clients read again.
      onGap: () => {
        for (const document of this.collab.hocuspocus.documents.values()) this.send(document, 'comments');
      },
    });
  }

  /**
   * Announces a change once it is committed (call it after the write). Never fails the caller:
   * the change is made; only its live display would lag.
   */
  async changed(documentId: string, what: DocumentSignal): Promise<void> {
    try {
      await this.prisma.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ documentId, what })})`;
    } catch (error) {
      this.log.warn(`signal not sent: ${(error as Error).message}`);
    }
  }

  async onModuleInit(): Promise<void> {
    await this.channel.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.stop();
  }

  private deliver(payload: string): void {
    let signal: { documentId: string; what: DocumentSignal };
    try {
      signal = JSON.parse(payload) as typeof signal;
    } catch {
      return this.log.warn(`not a document signal: ${payload.slice(0, 200)}`);
    }
    const document = this.collab.hocuspocus.documents.get(documentNameOf(signal.documentId));
    if (document) this.send(document, signal.what);
  }

  /**
   * To each connection of this process alone: a document's broadcast would also go out through
   * Redis, to processes that hear the NOTIFY themselves.
   */
  private send(document: Document, what: DocumentSignal): void {
    const message = documentSignalMessage(what);
    for (const connection of document.getConnections()) connection.sendStateless(message);
  }
}
