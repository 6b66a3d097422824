import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

@Global()
@Module({ controllers: [AccessLogController], providers: [AccessLogService], exports: [AccessLogService] })
export class AccessLogModule {}
