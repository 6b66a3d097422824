import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { METRICS, createMetrics } from './metrics';
import { MetricsController } from './metrics.controller';

/** The request metrics are counted by a Fastify `onResponse` hook (metrics.hook.ts, installed by create-app.ts). */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [HealthService, { provide: METRICS, useFactory: createMetrics }],
})
export class HealthModule {}
