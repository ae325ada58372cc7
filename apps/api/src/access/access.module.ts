import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { SqlReader } from './sql-reader.js';

/** The one place access is decided; global, since every feature asks it. */
@Global()
@Module({ providers: [AccessService, SqlReader], exports: [AccessService, SqlReader] })
export class AccessModule {}
