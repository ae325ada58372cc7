import { Controller, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type BodyOf, type NotificationUnread, type QueryOf } from '@commonplace/contracts';
import { AccessService } from '../access/access.service.js';
import { AppError } from '../common/app-error.js';
import { CurrentUser, Input, QueryInput, Route } from '../common/route.decorator.js';
import type { SessionUser } from '../common/request-auth.js';
import { NotificationsService } from './notifications.service.js';
import { UnreadEvents } from './unread-events.js';
import { UnreadStream } from './unread-stream.js';

@Controller()
export class NotificationsController {
  constructor(
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(UnreadEvents) private readonly events: UnreadEvents,
    @Inject(AccessService) private readonly access: AccessService,
  ) {}

  @Route('listNotifications')
  list(@CurrentUser() user: SessionUser, @QueryInput() query: QueryOf<'listNotifications'>) {
    return this.notifications.list(user.id, query);
  }

  @Route('markNotificationsRead')
  async markRead(@CurrentUser() user: SessionUser, @Input() mark: BodyOf<'markNotificationsRead'>) {
    await this.notifications.markRead(user.id, mark);
  }

  /**
   * EventSource asks for `text/event-stream` and gets the live count; any other client gets the
   * count once, as JSON, rather than a response that never ends.
   */
  @Route('notificationEvents')
  async unreadEvents(
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const count = () => this.notifications.unreadCount(user.id);
    if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
      const once: NotificationUnread = { unreadCount: await count() };
      await reply.status(200).send(once);
      return;
    }

    // Each recount asks again whose session this is: a stream ends once its session has.
    const token = request.cookies?.[SESSION_COOKIE];
    const countWhileLoggedIn = async () => {
      if (!(await this.access.forToken(token))) throw new AppError('UNAUTHENTICATED');
      return count();
    };
    reply.hijack();
    const stream = new UnreadStream(reply.raw, countWhileLoggedIn);
    const unsubscribe = this.events.subscribe(
      (userId) => {
        if (userId === null || userId === user.id) void stream.refresh();
      },
      () => stream.close(),
    );
    // The response closes when the client goes away (or the stream is ended here).
    reply.raw.on('close', () => {
      unsubscribe();
      stream.close();
    });
    await stream.refresh();
  }
}
