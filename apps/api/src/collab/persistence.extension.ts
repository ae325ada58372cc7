import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  beforeUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Connection,
  Document,
  Extension,
  Hocuspocus,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { AUTO_VERSION_EVERY_MS } from '../history/version-cut.js';
import { DocumentAccess } from '../notes/document-access.js';
import type { CollabContext } from './collab-auth.extension.js';
import { COMPACT_AFTER_UPDATES, MAX_DOCUMENT_BYTES } from './collab-limits.js';
import { CollabRedis } from './collab-redis.js';
import { CompactionJobs } from './compaction-jobs.js';
import { DerivedFields } from './derived-fields.js';
import { documentIdOf } from './document-name.js';
import { DocumentStore } from './document-store.js';
import { HeldAcknowledgements } from './held-acknowledgements.js';
import { PacedRefresh } from './paced-refresh.js';
import { RefusedMessage, syncUpdateIn } from './sync-message.js';
import { UpdateLog } from './update-log.js';

/**
 * How long an update shown before its commit waits for others to share its INSERT: the others see it
 * at once, only its writer's acknowledgement waits. With 400 clients typing, half as many INSERTs
 * (the collab bench: PostgreSQL's CPU 2.7 → 1.5 s, the API's 6.8 → 5.0 s).
 */
const SHOWN_UPDATE_COMMIT_WINDOW_MS = 10;

interface LiveDocument {
  /** Bytes of the loaded state plus every update stored since: what the size limit counts. */
  bytes: number;
  storedSinceLoad: number;
  /** When its compaction was last queued: compaction also cuts the automatic versions. */
  compactQueuedAt: number;
  derivedFields: PacedRefresh;
  /** Its course, once asked for (a document never moves to another course). */
  courseId?: string | null;
  /** Commits of updates it took, still in flight (a server alone shows them meanwhile). */
  commits: Set<Promise<void>>;
  /**
   * Set when an update it applied could not be stored: it holds what the database does not, so it
   * takes no more messages until it has unloaded and loads again from the database.
   */
  unsaved?: boolean;
}

/**
 * Keeps documents in PostgreSQL without ever writing a whole document over the saved one: a
 * document loads from its snapshot and updates, and every update a client sends is appended to
 * the log and acknowledged to its writer only once its row is committed: a client counts a change
 * saved only when it is. A server alone has Hocuspocus apply (and so show) the update at once and
 * holds back only its acknowledgement while its row is written (`HeldAcknowledgements`).
 * Servers sharing documents through Redis apply it only once committed: another process could
 * otherwise take an uncommitted change from this one's document, and acknowledge it to its writer
 * reconnecting there, while this process fails to store it.
 * Read-only connections' updates are refused by Hocuspocus and never reach the log.
 */
@Injectable()
export class PersistenceExtension implements Extension {
  private readonly log = new Logger('Collab');
  /** Kept with each loaded instance: a name can be unloaded and loaded again while the old one lingers. */
  private readonly live = new WeakMap<Document, LiveDocument>();
  private readonly heldAcknowledgements = new WeakMap<Connection, HeldAcknowledgements>();
  /** Whether this server alone holds its documents (no Redis extension shares them with others). */
  private showBeforeCommit = false;
  private instance: Hocuspocus | undefined;

  constructor(
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(UpdateLog) private readonly updates: UpdateLog,
    @Inject(CompactionJobs) private readonly compaction: CompactionJobs,
    @Inject(DerivedFields) private readonly derived: DerivedFields,
    @Inject(DocumentAccess) private readonly documents: DocumentAccess,
  ) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    this.showBeforeCommit = !instance.configuration.extensions.some((extension) => extension instanceof CollabRedis);
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const documentId = documentIdOf(documentName);
    if (!documentId) throw new RefusedMessage(4404, 'Unknown document');
    await Promise.all([
      // History, before anyone writes (neither changes the content): a failure leaves one version
      // fewer, never the document unopened.
      this.store
        .keepSessionEnd(documentId)
        .catch((error: Error) => this.log.warn(`session version not kept: ${error.message}`)),
      // A failure here rejects the connection; nothing is stored for a document that did not load.
      this.store.loadInto(documentId, document),
    ]);
    const live: LiveDocument = {
      bytes: Y.encodeStateAsUpdate(document).length,
      storedSinceLoad: 0,
      compactQueuedAt: Date.now(),
      commits: new Set(),
      // Search and backlinks lag until the next refresh or compaction; the content itself is safe.
      derivedFields: new PacedRefresh(
        async () => {
          if (!live.unsaved) await this.derived.refresh(documentId, document);
        },
        (error) => this.log.warn(`derived fields not refreshed: ${error.message}`),
      ),
    };
    this.live.set(document, live);
    // Any change: a client's, a restore's, or one another process shared through Redis.
    document.on('update', () => live.derivedFields.changed());
    document.on('destroy', () => live.derivedFields.stop());
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    try {
      await this.storeUpdateOf(payload);
    } catch (error) {
      // Hocuspocus would only drop this document from the socket: the whole socket is closed
      // with the reason, since its client sent what no honest client sends (or lost a change).
      if (error instanceof RefusedMessage) payload.connection.webSocket.close(error.code, error.reason);
      throw error;
    }
  }

  private async storeUpdateOf({
    update: message,
    connection,
    document,
    documentName,
    instance,
  }: beforeHandleMessagePayload) {
    // Hocuspocus can hand a joining connection the instance it is unloading, as the last one leaves:
    // an instance no longer the server's, which may hold a change the database refused. Answering
    // from it could tell a writer that change is saved.
    const live = this.live.get(document);
    if (!live || instance.documents.get(documentName) !== document) throw new RefusedMessage(1012, 'Document reopened');
    // Every message, even an empty sync step that Hocuspocus would acknowledge: a writer
    // reconnecting to a document holding its unsaved change must not be told it is saved.
    if (live.unsaved) throw new RefusedMessage(1011, 'Could not save the change');
    if (connection.readOnly) return;
    const sync = syncUpdateIn(message);
    if (!sync) return;
    const documentId = documentIdOf(documentName)!;
    const stored = sync.update ? this.append(live, document, sync.update, { documentId, connection }) : undefined;
    // Acknowledged, a sync step 2 tells its writer the server holds all it holds: that can include
    // a change of its own the server showed (it reconnected while the change's commit was in flight),
    // so the acknowledgement waits for every commit in flight.
    const acknowledgeable = sync.completesSync
      ? Promise.all([stored, this.everyCommitInFlight(live)]).then(() => undefined)
      : (stored ?? Promise.resolve());
    if (this.showBeforeCommit) this.acknowledgementsOf(connection).holdNext(acknowledgeable);
    else await acknowledgeable;
  }

  private async everyCommitInFlight(live: LiveDocument): Promise<void> {
    await Promise.allSettled([...live.commits]);
    if (live.unsaved) throw new RefusedMessage(1011, 'Could not save the change');
  }

  private acknowledgementsOf(connection: Connection): HeldAcknowledgements {
    let held = this.heldAcknowledgements.get(connection);
    if (!held) this.heldAcknowledgements.set(connection, (held = new HeldAcknowledgements(connection)));
    return held;
  }

  /** Resolves once the update's row is committed; shown before that (when this server is alone) by Hocuspocus. */
  private append(
    live: LiveDocument,
    document: Document,
    update: Uint8Array,
    { documentId, connection }: { documentId: string; connection: Connection },
  ): Promise<void> {
    if (live.bytes + update.length > MAX_DOCUMENT_BYTES) {
      throw new RefusedMessage(4413, 'Document too large');
    }
    const { userId } = connection.context as CollabContext;
    const committed = this.updates.append(
      { documentId, update, clientId: connection.socketId, userId },
      // Shown only once committed (with Redis), it waits for no one else.
      { windowMs: this.showBeforeCommit ? SHOWN_UPDATE_COMMIT_WINDOW_MS : 0 },
    );
    live.commits.add(committed);
    const settled = () => live.commits.delete(committed);
    void committed.then(settled, settled);
    live.bytes += update.length;
    return committed.then(
      () => this.stored(live, documentId),
      (error: Error) => {
        this.log.error(`update not stored: ${error.message}`);
        const refused = new RefusedMessage(1011, 'Could not save the change');
        // The document holds a change the database does not: every socket on it is closed (not
        // Hocuspocus's per-document close, which a provider does not reconnect from) and it loads again
        // from the database. The writer, and anyone who received the change, still holds it
        // unacknowledged and sends it again on reconnecting.
        if (this.showBeforeCommit) {
          live.unsaved = true;
          for (const open of document.getConnections()) open.webSocket.close(refused.code, refused.reason);
        }
        throw refused;
      },
    );
  }

  private stored(live: LiveDocument, documentId: string): void {
    live.storedSinceLoad += 1;
    // Also while people keep writing for long, so a document open for hours gets its automatic versions.
    const versionDue = Date.now() - live.compactQueuedAt >= AUTO_VERSION_EVERY_MS;
    if (live.storedSinceLoad % COMPACT_AFTER_UPDATES === 0 || versionDue) {
      live.compactQueuedAt = Date.now();
      this.compactLater(documentId);
    }
  }

  /**
   * Derives now, and waits for, the text and links of this course's documents open here that
   * changed since they were last derived (or waits for the derivation under way): a list of links
   * (wanted pages, backlinks) or a search then has what was just typed, not what was derived up to
   * a few seconds before (the pacing above). A document open only on another process catches up at
   * its next paced refresh. On a failure the lists show what is stored.
   */
  async catchUpDerivedFields(courseId: string): Promise<void> {
    const behind = [...(this.instance?.documents.values() ?? [])].flatMap((document) => {
      const live = this.live.get(document);
      const documentId = documentIdOf(document.name);
      return live?.derivedFields.behind && !live.unsaved && documentId ? [{ live, documentId }] : [];
    });
    await Promise.all(
      behind.map(async ({ live, documentId }) => {
        try {
          live.courseId ??= await this.documents.courseOf(documentId);
        } catch (error) {
          return this.log.warn(`derived fields not caught up: ${(error as Error).message}`);
        }
        if (live.courseId === courseId) await live.derivedFields.catchUp();
      }),
    );
  }

  /**
   * Hocuspocus's debounced store (a few seconds after changes, and as a document unloads): the
   * content is already in the update log, so only what is derived from it is refreshed here, paced
   * by what that costs for this document, and at once as its last connection leaves.
   */
  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    const live = this.live.get(document);
    if (!live || live.unsaved) return;
    await live.derivedFields.request({ now: document.getConnectionsCount() === 0 });
  }

  /** Also when the unload is then called off (a client joined meanwhile): compaction is safe at any time. */
  async beforeUnloadDocument({ document, documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const documentId = documentIdOf(documentName);
    const live = this.live.get(document);
    await live?.derivedFields.flush();
    if (documentId && live?.storedSinceLoad) this.compactLater(documentId);
  }

  private compactLater(documentId: string): void {
    this.compaction
      .request(documentId)
      .catch((error: Error) => this.log.warn(`compaction not queued: ${error.message}`));
  }
}
