import { Inject, Injectable } from '@nestjs/common';
import { Forbidden, Unauthorized } from '@hocuspocus/common';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { SESSION_COOKIE } from '@commonplace/contracts';
import { AccessService } from '../access/access.service.js';
import { DocumentAccess } from '../notes/document-access.js';
import { documentIdOf } from './document-name.js';

/** What a connection carries once authenticated: who it is and the document it may open. */
export interface CollabContext {
  userId: string;
  documentId: string;
}

function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Authenticates every document a socket opens by the session cookie sent with the upgrade (or a
 * short-lived ticket sent as the provider's token), and
 * decides from the document policies whether it may read (connected read-only) or write. A
 * refusal does not say whether the document exists.
 */
@Injectable()
export class CollabAuthExtension implements Extension {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(DocumentAccess) private readonly documents: DocumentAccess,
  ) {}

  async onAuthenticate({
    documentName,
    requestHeaders,
    connectionConfig,
    token: ticket,
  }: onAuthenticatePayload): Promise<CollabContext> {
    // The cookie, as a browser sends it; else a ticket from POST /api/collab/token.
    const token = sessionTokenOf(requestHeaders.cookie) ?? (ticket || undefined);
    const documentId = documentIdOf(documentName);
    const courseId = documentId ? await this.documents.courseOf(documentId) : null;
    const found = await this.access.forToken(token, courseId ?? undefined);
    if (!found) throw Unauthorized;
    if (!documentId || !found.viewer) throw Forbidden;
    const right = await this.documents.rightOf(found.viewer, documentId);
    if (right === 'none') throw Forbidden;
    connectionConfig.readOnly = right === 'read';
    return { userId: found.identity.user.id, documentId };
  }
}
