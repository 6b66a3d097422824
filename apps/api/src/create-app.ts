import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { json, type NextFunction, type Request, type Response, urlencoded } from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { completeOpenApiDocument } from './common/openapi/complete-document';
import { createValidationPipe } from './common/validation/validation-pipe';
import type { RuntimeConfig } from './config/runtime-config';
import { answerClientErrorsAsJson } from './common/http/client-error';
import { bodyParserErrors, refuseUnsafeInput, verifyJsonDepth } from './common/http/input-safety';
import { securityHeaders } from './common/http/security-headers';

/** Builds the configured Nest application (used by main.ts and by the HTTP tests). */
export async function createApp(config: RuntimeConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Which proxies may set X-Forwarded-For (and so the client address rate limits count by): none unless configured.
  app.set('trust proxy', config.env.TRUST_PROXY);
  // No ETag on answers: API answers are `no-store` (so never revalidated) and hashing every body cost
  // the hot paths CPU (issue 14); static SPA files keep serve-static's own ETag.
  app.set('etag', false);
  answerClientErrorsAsJson(app.getHttpServer() as Server);
  // gzip or brotli (by Accept-Encoding) for JSON and the SPA; tiny bodies and event streams stay as they are.
  app.use(compression({ threshold: 1024 }));
  // Helmet's headers (computed once) and `no-store` on API answers, in one middleware (issue 14).
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(cookieParser());
  // Express's parsers (as Nest would install them), plus a depth check on the raw bytes before JSON.parse builds any object.
  app.use(json({ verify: verifyJsonDepth }), urlencoded({ extended: false }), bodyParserErrors);
  app.use(refuseUnsafeInput);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());

  if (apiDocsEnabled(config)) setupApiDocs(app);
  serveSpa(app, config);
  return app;
}

/** The OpenAPI UI and JSON: on outside production, in production only with API_DOCS=true. */
export function apiDocsEnabled(config: RuntimeConfig): boolean {
  return config.env.API_DOCS ?? config.env.NODE_ENV !== 'production';
}

function setupApiDocs(app: NestExpressApplication): void {
  const doc = completeOpenApiDocument(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Schakel API')
      .setDescription('Multi-agency case conferences under art. 458ter Sw. — see docs/ and api.md')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ));
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

/** In production the API serves the built SPA at `/`, with client-side routes falling back to index.html. */
function serveSpa(app: NestExpressApplication, config: RuntimeConfig): void {
  const dir = resolve(config.env.WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  // Source maps are never published, even when a build produced them.
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.endsWith('.map') && !req.path.startsWith('/api') ? res.status(404).end() : next()));
  app.useStaticAssets(dir, {
    index: false,
    maxAge: '1h',
    // Vite names every file under assets/ after its content hash: it never changes, so it is cached for a year.
    setHeaders: (res, path) => {
      if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
