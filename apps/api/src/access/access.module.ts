import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service.js';

/** The one place access is decided; global, since every feature asks it. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
