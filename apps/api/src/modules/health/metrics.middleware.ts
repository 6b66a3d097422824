import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { METRICS, type Metrics } from './metrics';

@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(@Inject(METRICS) private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = process.hrtime.bigint();
    res.on('finish', () => {
      // The route template, never the concrete path: ids must not become label values.
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - end) / 1e9;
      this.metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      this.metrics.duration.observe({ method: req.method, route }, seconds);
    });
    next();
  }
}
