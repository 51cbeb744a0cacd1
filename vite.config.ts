// Vite builds a static folder (dist/) that works from any path on any static server, offline: relative base,
// duckdb-wasm's wasm and worker files as self-hosted assets, and the sample CSVs copied to dist/sample-data/.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { exportSnapshot, SNAPSHOT_MANIFEST, snapshotFile, type Snapshot } from './src/app/data-snapshot.ts';
import { ANSWERS_FILE } from './src/app/stored-answers.ts';
import { TABLE_NAMES } from './src/contract/index.ts';
import { diskSql } from './src/queries/node-sql.ts';
import { loadContractTables } from './src/db/load-tables.ts';
import { openNodeDatabase } from './src/db/node-duckdb.ts';

// The committed synthetic sample data (sample-data/, made by `npm run pipeline -- generate --seed 1`).
const SAMPLE_DIR = 'sample-data';
const SAMPLE_FILE = /\.(csv|parquet)$/i;
const VIRTUAL_ID = 'virtual:sample-data';

/**
 * The snapshot of the sample, made by the one load path (every check) under Node's DuckDB-wasm: the app opens it
 * at start-up instead of checking the sample's files in every visitor's browser. It carries the first view's
 * stored answers (src/app/stored-answers.ts), from the same .sql files on the same engine.
 */
async function sampleSnapshot(dir: string, names: readonly string[]): Promise<Snapshot> {
  const db = await openNodeDatabase();
  // DuckDB-wasm under Node writes its export to disk: in a folder of its own, removed after.
  const scratch = mkdtempSync(join(tmpdir(), 'tee-sample-snapshot-'));
  try {
    const files = Object.fromEntries(names.map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
    const enrichSql = readFileSync(fileURLToPath(new URL('./src/db/enrich.sql', import.meta.url)), 'utf8');
    return await exportSnapshot(db, await loadContractTables(db, files, { enrichSql }), `${scratch}/`, diskSql);
  } finally {
    await db.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function snapshotAssets(snapshot: Snapshot): Record<string, Uint8Array | string> {
  return {
    [SNAPSHOT_MANIFEST]: JSON.stringify(snapshot.manifest),
    ...Object.fromEntries(TABLE_NAMES.map((table) => [snapshotFile(table), snapshot.tables[table]])),
    ...(snapshot.answers ? { [ANSWERS_FILE]: JSON.stringify(snapshot.answers) } : {}),
  };
}

function sampleData(root: string): Plugin {
  const abs = resolve(root, SAMPLE_DIR);
  const files = () => (existsSync(abs) ? readdirSync(abs).filter((f) => SAMPLE_FILE.test(f)).sort() : []);
  const csvs = () => files().filter((f) => f.toLowerCase().endsWith('.csv'));
  let devSnapshot: Promise<Record<string, Uint8Array | string>> | undefined;
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
        if (name === SNAPSHOT_MANIFEST || name === ANSWERS_FILE || name.startsWith('tee-snapshot-')) {
          devSnapshot ??= sampleSnapshot(abs, csvs()).then(snapshotAssets);
          devSnapshot.then((assets) => {
            const body = assets[name];
            if (body === undefined) return next();
            res.setHeader('Content-Type', name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8');
            res.end(body);
          }, next);
          return;
        }
        if (!files().includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream');
        res.end(readFileSync(join(abs, name)));
      });
    },
    async generateBundle() {
      for (const name of files()) {
        this.emitFile({ type: 'asset', fileName: `sample-data/${name}`, source: readFileSync(join(abs, name)) });
      }
      for (const [name, source] of Object.entries(snapshotAssets(await sampleSnapshot(abs, csvs())))) {
        this.emitFile({ type: 'asset', fileName: `sample-data/${name}`, source });
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
