import type { OpenAPIObject } from '@nestjs/swagger';
import { contractJsonSchemas } from '@schakel/contracts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** "CaseAgenciesController_invite_v1" → "Case agencies: invite". */
export function summaryFromOperationId(operationId: string): string {
  const [controller = '', method = ''] = operationId.replace(/_v\d+$/, '').split('_');
  const words = (s: string) =>
    s
      .replace(/Controller$/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .trim();
  const subject = words(controller);
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${words(method)}`;
}

/**
 * Completes what decorators leave open, so the document passes `redocly lint` (recommended):
 * a server (same origin), a summary on every operation (from @ApiOperation, else derived from its
 * handler's name), and an explicit empty `security` on public routes (no bearer token needed).
 * The response contracts of libs/contracts become component schemas, which `@ApiContract` routes reference.
 */
export function completeOpenApiDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  const schemas = (doc.components.schemas ??= {});
  for (const [name, schema] of Object.entries(contractJsonSchemas())) {
    if (schemas[name]) throw new Error(`OpenAPI component ${name} is both a DTO and a response contract`);
    schemas[name] = schema;
  }
  doc.servers = doc.servers?.length ? doc.servers : [{ url: '/', description: 'this Schakel instance' }];
  for (const path of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = path[method];
      if (!op) continue;
      if (!op.summary) op.summary = summaryFromOperationId(op.operationId ?? `${method} operation`);
      if (!op.security) op.security = [];
    }
  }
  return doc;
}
