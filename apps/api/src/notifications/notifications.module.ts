import { Module } from '@nestjs/common';
import { MembershipEventsModule } from '../collab/membership-events.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { UnreadEvents } from './unread-events.js';

@Module({
  imports: [MembershipEventsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, UnreadEvents],
})
export class NotificationsModule {}
