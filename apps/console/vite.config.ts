import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The pure contracts library (zod schemas, types, constants): the only library the console imports. */
const contractsDir = fileURLToPath(new URL('../../libs/contracts/src/', import.meta.url));

// In development the gateway serves /config.json and /api; the dev server only proxies to it.
const gateway = process.env.ZHIBEN_GATEWAY_URL ?? 'http://localhost:3000';

/** Splits the large, rarely changing dependencies into their own cacheable chunks. */
const vendorChunk = (id: string): string | undefined => {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
  if (/node_modules\/(@mui|@emotion)\//.test(id)) return 'mui';
  if (/node_modules\/keycloak-js\//.test(id)) return 'keycloak';
  if (/node_modules\/(react-admin|ra-[a-z-]+)\//.test(id)) return 'react-admin';
  return 'vendor';
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@zhiben/contracts': `${contractsDir}index.ts` } },
  build: {
    outDir: '../../dist/apps/console',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      // Contracts modules only declare things: one whose exports go unused is dropped whole, so the
      // console's constants and types do not drag in the zod schemas (and zod) beside them.
      treeshake: { moduleSideEffects: (id) => !id.startsWith(contractsDir) },
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/config.json': { target: gateway, changeOrigin: false },
    },
  },
  preview: { port: 4300 },
});
