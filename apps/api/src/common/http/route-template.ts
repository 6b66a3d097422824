import type { FastifyRequest } from 'fastify';

/**
 * The template of the API route a request matched (`/api/v1/cases/:id`), as Express's `req.route.path`
 * gave it; undefined when it matched none (a 404, the SPA's files and fallback), as on Express.
 */
export function routeTemplate(req: Pick<FastifyRequest, 'routeOptions'> | undefined): string | undefined {
  const url = req?.routeOptions?.url;
  return url !== undefined && url.startsWith('/api') ? url : undefined;
}
