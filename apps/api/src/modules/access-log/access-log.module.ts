import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseAccessInterceptor } from './case-access.interceptor';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';

@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogService, { provide: APP_INTERCEPTOR, useClass: CaseAccessInterceptor }],
  exports: [AccessLogService],
})
export class AccessLogModule {}
