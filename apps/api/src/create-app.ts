import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@schakel/contracts';
import { contentType } from 'mime-types';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse as parseQuery } from 'node:querystring';
import { AppModule } from './app.module';
import { completeOpenApiDocument } from './common/openapi/complete-document';
import { createValidationPipe } from './common/validation/validation-pipe';
import type { RuntimeConfig } from './config/runtime-config';
import { answerClientErrorAsJson } from './common/http/client-error';
import { compressionHook } from './common/http/compression';
import { decorateRequestCookies } from './common/http/cookies';
import { BODY_LIMIT, refuseUnsafeInput, registerBodyParsers } from './common/http/input-safety';
import { frameworkErrorBody } from './common/http/http-exception.filter';
import { securityHeaders } from './common/http/security-headers';
import { METRICS, type Metrics } from './modules/health/metrics';
import { metricsHook } from './modules/health/metrics.hook';

/**
 * Builds the configured Nest application on Fastify (ADR 0016; used by main.ts and by the HTTP tests).
 * What clients see is what the Express app answered: see the ADR for the few framing differences.
 */
export async function createApp(config: RuntimeConfig): Promise<INestApplication> {
  const headers = securityHeaders();
  const adapter = new FastifyAdapter({
    // The router's own refusals (a malformed percent-escape in the path): the API's error body and headers, not Fastify's.
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      (headers as (req: FastifyRequest, reply: FastifyReply, done: () => void) => void)(req, reply, () => undefined);
      const body = badUrlBody(error, req.url) ??
        frameworkErrorBody(error) ?? { statusCode: 400, error: 'Bad Request', message: 'Bad Request', code: 'BAD_REQUEST' };
      void reply.code(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').header('Vary', 'Accept-Encoding').send(JSON.stringify(body));
    },
    // Which proxies may set X-Forwarded-For (and so the client address rate limits count by): none unless configured.
    trustProxy: trustProxy(config.env.TRUST_PROXY),
    // Express's JSON and form parsers took 100 KiB at most.
    bodyLimit: BODY_LIMIT,
    // Requests Node cannot parse (headers too large, a malformed request line) get the API's JSON error body.
    clientErrorHandler: answerClientErrorAsJson,
    routerOptions: {
      // Express 5's "simple" query parser: node's querystring (`?stage=a&stage=b` is an array, no nesting).
      querystringParser: (s) => parseQuery(s),
      // Express matched `/api/v1/cases/` as `/api/v1/cases`, and set no limit on a route parameter's length.
      ignoreTrailingSlash: true,
      maxParamLength: 2048,
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // No ETag and no X-Powered-By: Fastify sets neither. API answers are `no-store`, so never revalidated (issue 14).
  // Helmet's headers (computed once) and `no-store` on API answers, first thing on every request (issue 14).
  fastify.addHook('onRequest', headers);
  // gzip or brotli (by Accept-Encoding) for JSON and the SPA; tiny bodies stay as they are.
  fastify.addHook('onSend', compressionHook(1024));
  fastify.addHook('onResponse', metricsHook(app.get<symbol, Metrics>(METRICS)));
  decorateRequestCookies(fastify);
  // Express's parsers' behaviour (empty JSON body is `{}`, strict, 100 KiB, depth check on the raw bytes before JSON.parse).
  registerBodyParsers(fastify);
  fastify.addHook('preValidation', refuseUnsafeInput);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());

  if (apiDocsEnabled(config)) setupApiDocs(app);
  await serveSpa(fastify, config);
  return app;
}

/** A path segment that is not valid percent-encoding: Express's answer ("Failed to decode param"). */
function badUrlBody(error: Error, url: string): ErrorBody | null {
  if ((error as { code?: string }).code !== 'FST_ERR_BAD_URL') return null;
  const segment = url
    .split('?', 1)[0]!
    .split('/')
    .find((s) => {
      try {
        decodeURIComponent(s);
        return false;
      } catch {
        return true;
      }
    });
  return { statusCode: 400, error: 'Bad Request', message: `Failed to decode param '${segment ?? ''}'`, code: 'VALIDATION_FAILED' };
}

/**
 * TRUST_PROXY as Express's "trust proxy" read it: a hop count trusts that many proxies in front
 * (Fastify would refuse a bare number), a list trusts those addresses, CIDRs and named ranges.
 */
function trustProxy(setting: number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting.length ? setting : false;
}

/** The OpenAPI UI and JSON: on outside production, in production only with API_DOCS=true. */
export function apiDocsEnabled(config: RuntimeConfig): boolean {
  return config.env.API_DOCS ?? config.env.NODE_ENV !== 'production';
}

function setupApiDocs(app: NestFastifyApplication): void {
  const doc = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Schakel API')
        .setDescription('Multi-agency case conferences under art. 458ter Sw. — see docs/ and api.md')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/**
 * In production the API serves the built SPA at `/`, with client-side routes falling back to index.html.
 * Each file of the build gets its own route (found once at start), so an API request never touches the
 * disk or a static middleware; everything else that is a GET outside /api gets index.html.
 */
async function serveSpa(fastify: FastifyInstance, config: RuntimeConfig): Promise<void> {
  const dir = resolve(config.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
  if (!existsSync(join(dir, 'index.html'))) return;
  await fastify.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: false,
    // Source maps are never published, even when a build produced them.
    globIgnore: ['**/*.map'],
    maxAge: '1h',
    // Vite names every file under assets/ after its content hash: it never changes, so it is cached for a year.
    setHeaders: (res, path) => {
      // The Content-Type Express's static files had (mime-types 3: `text/javascript` for scripts).
      const type = contentType(extname(path));
      if (type) res.header('Content-Type', type);
      if (/[\\/]assets[\\/]/.test(path)) res.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?', 1)[0]!;
    if (req.method !== 'GET' || path.startsWith('/api')) return reply.callNotFound();
    if (path.endsWith('.map')) return reply.code(404).send();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
