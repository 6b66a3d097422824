import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { LOG_REDACT_PATHS } from '@schakel/platform';
import { AccessGuard } from './common/auth/access.guard';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { RuntimeConfig } from './config/runtime-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './modules/health/health.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { FEATURE_MODULES } from './feature-modules';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.env.LOG_LEVEL,
            redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
            // Only method, route and status: paths carry ids, bodies carry personal data.
            serializers: {
              req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req: { url?: string }) => Boolean(req.url?.startsWith('/api/health') || req.url?.startsWith('/api/metrics')) },
          },
        }),
        // Route discovery: the authorization-matrix test walks every registered route.
        DiscoveryModule,
        DatabaseModule,
        JobsModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: RuntimeConfig, useValue: config },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [RuntimeConfig],
    };
  }
}
