import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@schakel/domain': lib('domain'),
      '@schakel/authz': lib('authz'),
      '@schakel/contracts': lib('contracts'),
    },
  },
  server: {
    port: 4200,
    // In development the SPA talks to the API on :3000 through this proxy (same origin, so the
    // SameSite=Strict refresh cookie works as in production).
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No public source maps: the API would not serve them anyway (docs/adr/0012).
    sourcemap: false,
  },
});
