import { Module } from '@nestjs/common';
import { DocumentAccess } from '../notes/document-access.js';
import { CollabAuthExtension } from './collab-auth.extension.js';
import { CollabServer } from './collab-server.js';
import { CollabTicketController } from './collab-ticket.controller.js';
import { CompactionJobs } from './compaction-jobs.js';
import { DerivedFields } from './derived-fields.js';
import { DocumentSignals } from './document-signals.js';
import { DocumentStore } from './document-store.js';
import { DocumentWorkers } from './document-workers.js';
import { LiveRevocation } from './live-revocation.js';
import { MembershipEventsModule } from './membership-events.module.js';
import { PersistenceExtension } from './persistence.extension.js';
import { PresenceRelay } from './presence-relay.js';
import { UpdateLog } from './update-log.js';

@Module({
  imports: [MembershipEventsModule],
  controllers: [CollabTicketController],
  providers: [
    DocumentAccess,
    DocumentStore,
    DerivedFields,
    DocumentWorkers,
    UpdateLog,
    CompactionJobs,
    CollabAuthExtension,
    PersistenceExtension,
    PresenceRelay,
    CollabServer,
    LiveRevocation,
    DocumentSignals,
  ],
  exports: [
    CollabServer,
    PersistenceExtension,
    DocumentStore,
    DocumentWorkers,
    DocumentAccess,
    DerivedFields,
    UpdateLog,
    DocumentSignals,
  ],
})
export class CollabModule {}
