import { Global, Module } from '@nestjs/common';
import { MembershipEvents } from './membership-events.js';

/** Global, so the services that change memberships announce it without importing the collab module. */
@Global()
@Module({ providers: [MembershipEvents], exports: [MembershipEvents] })
export class MembershipEventsModule {}
