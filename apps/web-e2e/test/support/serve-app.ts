import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../../api/test/support/test-app';
import { WEB_DIST } from './browser';

/** The API with the built SPA, listening on a free port for the browser. */
export async function serveApp(overrides: Record<string, string> = {}): Promise<TestApp & { baseUrl: string }> {
  const t = await startTestApp({ WEB_DIST_DIR: WEB_DIST, ...overrides });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}
