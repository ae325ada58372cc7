import { Controller, Inject } from '@nestjs/common';
import { COLLAB_TICKET_SECONDS, type CollabTicket } from '@commonplace/contracts';
import { SessionsService } from '../auth/sessions.service.js';
import { CurrentUser, Route } from '../common/route.decorator.js';
import type { SessionUser } from '../common/request-auth.js';

/**
 * A ticket is a session of its own that expires within a minute, so the access layer checks it
 * like any session. It outlives no logout by more than that minute, and is never slid: sessions
 * slide only when last seen over a minute ago.
 */
@Controller()
export class CollabTicketController {
  constructor(@Inject(SessionsService) private readonly sessions: SessionsService) {}

  @Route('collabToken')
  async issue(@CurrentUser() user: SessionUser): Promise<CollabTicket> {
    const expiresAt = new Date(Date.now() + COLLAB_TICKET_SECONDS * 1000);
    const token = await this.sessions.createExpiring(user.id, 'collaboration ticket', expiresAt);
    return { token, expiresAt: expiresAt.toISOString() };
  }
}
