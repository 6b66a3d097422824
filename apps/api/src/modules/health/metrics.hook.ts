import type { FastifyReply, FastifyRequest, onResponseHookHandler } from 'fastify';
import { routeTemplate } from '../../common/http/route-template';
import type { Metrics } from './metrics';

/**
 * Counts and times every answer once it is sent (Fastify's `onResponse`, timed by `reply.elapsedTime`
 * from the request's arrival): no middleware, no per-request listener or clock reading of its own.
 */
export function metricsHook(metrics: Metrics): onResponseHookHandler {
  return (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    // The route template, never the concrete path: ids must not become label values.
    const route = routeTemplate(req) ?? 'unmatched';
    metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    done();
  };
}
