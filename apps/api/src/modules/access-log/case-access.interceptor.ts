import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable, concatMap, from, map } from 'rxjs';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { routeTemplate } from '../../common/http/route-template';
import { AccessLogService } from './access-log.service';

const CASE_ROUTE = /^\/api\/v\d+\/cases\/:id(\/.*)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case a route is about and what part of it: `/cases/:id/contributions/:cid/legal-bases` → CONTRIBUTIONS_LEGAL_BASES. */
export function caseRouteResource(routePath: string | undefined): string | null {
  const m = routePath ? CASE_ROUTE.exec(routePath) : null;
  if (!m) return null;
  const rest = (m[1] ?? '').split('/').filter((s) => s && !s.startsWith(':'));
  return rest.length ? rest.join('_').replace(/[-.]/g, '_').toUpperCase() : 'CASE';
}

/**
 * Logs every successful read of case content that the service behind it did not log itself:
 * GET /cases/:id/** (decisions, actions, evaluations, legal bases… whatever is added later), and a
 * page of the sharing log (one row per case on the page). Kept out of the services on purpose: a new
 * read route is logged without anyone remembering to. Denied attempts are logged by the exception
 * filter, since guards refuse before interceptors run.
 */
@Injectable()
export class CaseAccessInterceptor implements NestInterceptor {
  constructor(private readonly log: AccessLogService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<FastifyRequest & { params?: Record<string, string>; user?: AuthenticatedUser }>();
    const routePath = routeTemplate(req);
    if (req.method !== 'GET' || !req.user || !routePath) return next.handle();
    const resource = caseRouteResource(routePath);
    const isSharingLog = /^\/api\/v\d+\/sharing-log(\/export)?$/.test(routePath);
    if (!resource && !isSharingLog) return next.handle();

    const { result, scope } = this.log.runScoped(() => next.handle());
    const user = req.user;
    return result.pipe(
      concatMap((body) => {
        if (scope.recorded) return [body];
        const write = resource ? this.forCase(user, req.params ?? {}, resource) : this.log.recordMany(user, caseIdsIn(body), 'SHARING_LOG');
        return from(write).pipe(map(() => body));
      }),
    );
  }

  private forCase(user: AuthenticatedUser, params: Record<string, string>, resource: string): Promise<void> {
    const caseId = params.id;
    if (!caseId || !UUID.test(caseId)) return Promise.resolve();
    const other = Object.entries(params)
      .filter(([k]) => k !== 'id')
      .map(([, v]) => v);
    return this.log.record(user, caseId, resource, other.length ? other.join('/') : null);
  }
}

/** The case ids on a page (`items`) or in an export (`entries`) of the sharing log. */
function caseIdsIn(body: unknown): string[] {
  const rows = (body as { items?: unknown[]; entries?: unknown[] } | null)?.items ?? (body as { entries?: unknown[] } | null)?.entries ?? [];
  return Array.isArray(rows) ? rows.map((r) => (r as { caseId?: unknown })?.caseId).filter((id): id is string => typeof id === 'string' && UUID.test(id)) : [];
}
