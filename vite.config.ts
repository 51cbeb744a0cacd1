// Vite builds a static folder (dist/) that works from any path on any static server, offline: relative base,
// duckdb-wasm's wasm and worker files as self-hosted assets, and the sample CSVs copied to dist/sample-data/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

// The committed synthetic sample data (sample-data/, made by `npm run pipeline -- generate --seed 1`).
const SAMPLE_DIR = 'sample-data';
const SAMPLE_FILE = /\.(csv|parquet)$/i;
const VIRTUAL_ID = 'virtual:sample-data';

function sampleData(root: string): Plugin {
  const abs = resolve(root, SAMPLE_DIR);
  const files = () => (existsSync(abs) ? readdirSync(abs).filter((f) => SAMPLE_FILE.test(f)).sort() : []);
  return {
    name: 'tee-sample-data',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      // The browser reads the CSVs; the npm duckdb-wasm has no Parquet extension, so .parquet files are only copied.
      const csvs = files().filter((f) => f.toLowerCase().endsWith('.csv'));
      if (!csvs.includes('schools.csv')) this.error(`${SAMPLE_DIR}/ has no schools.csv: the app would start with no data`);
      return `export const SAMPLE_FILES = ${JSON.stringify(csvs)};\n`;
    },
    configureServer(server) {
      server.middlewares.use('/sample-data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '');
        if (!files().includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream');
        res.end(readFileSync(join(abs, name)));
      });
    },
    generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `sample-data/${name}`, source: readFileSync(join(abs, name)) });
      }
    },
  };
}

// A Content-Security-Policy for the built page: scripts, workers and fetches only from this site, so the page
// cannot send data anywhere even by mistake. (Dev mode needs inline scripts for hot reload, so build only.)
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tee-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), sampleData(fileURLToPath(new URL('.', import.meta.url))), contentSecurityPolicy()],
  worker: { format: 'es' },
  // govuk-frontend's Sass (src/styles/govuk.scss): its deprecation notices are its own, and its one old-IE media
  // hack is dropped by the CSS minifier rather than failing the build.
  css: { preprocessorOptions: { scss: { quietDeps: true } }, lightningcss: { errorRecovery: true } },
  build: {
    target: 'es2022',
    // duckdb-wasm's ~1 MB of JS and Vega's are expected; the wasm is fetched by the worker, not bundled.
    chunkSizeWarningLimit: 1500,
    sourcemap: mode === 'development',
  },
}));
