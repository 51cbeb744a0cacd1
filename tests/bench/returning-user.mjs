// Bench: time to first chart for a returning user (their own files kept in OPFS, opened without choosing them)
// beside the app on the sample and the bare-page floor (../shared/startup-floor: duckdb-wasm answers SELECT 42 and
// react-vega draws it), cold (a fresh browser context each run), interleaved run by run so the ratios hold on a noisy
// machine. The "own" files are the sample's files, so the returning page does the same work on the same rows.
// Each returning run first writes the kept files into that context's OPFS (see seed()), then opens the app; the run
// counts only if the page then says "Your data" (the kept files were opened, not the sample). With BASE_DIST (a build
// of an earlier commit), its sample and returning pages are timed too, in the same interleaved run. Usage:
//   node tests/bench/returning-user.mjs RUNS APP_DIST FLOOR_DIST [BASE_DIST]     (needs /usr/bin/chromium)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../e2e/static-server.mjs';

const [runsArg = '5', appDist = 'dist', floorDist = '/tmp/startup-floor/dist', baseDist] = process.argv.slice(2);
const CHART = process.env.CHART_SELECTOR || '.vega-embed svg g[class^="mark-"] path, .vega-embed canvas';

/** What a build's kept data is made of: the sample's files, its snapshot and (if the build stores them) its answers. */
function keptSet(dist) {
  const sampleDir = join(dist, 'sample-data');
  const names = readdirSync(sampleDir).filter((n) => n.endsWith('.csv') && !n.startsWith('tee-snapshot-')).sort();
  const answersFile = join(sampleDir, 'tee-answers.json');
  return {
    names,
    texts: names.map((n) => readFileSync(join(sampleDir, n), 'utf8')),
    snapshotManifest: JSON.parse(readFileSync(join(sampleDir, 'snapshot.json'), 'utf8')),
    // Written as the app keeps them: the snapshot's tables, then the first view's stored answers, if any.
    snapshotTables: Object.fromEntries([
      ...readdirSync(sampleDir).filter((n) => n.startsWith('tee-snapshot-')).map((n) => [n, readFileSync(join(sampleDir, n), 'utf8')]),
      ...(existsSync(answersFile) ? [['tee-answers.json', readFileSync(answersFile, 'utf8')]] : []),
    ]),
  };
}

const { chromium } = await import('playwright-core');
const app = await serveStatic(appDist);
const floor = await serveStatic(floorDist);
const base = baseDist ? await serveStatic(baseDist) : null;
const sets = new Map([[app.url, keptSet(appDist)], ...(base ? [[base.url, keptSet(baseDist)]] : [])]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });

async function seed(page, base, { names, texts, snapshotManifest, snapshotTables }) {
  // Written straight into this context's OPFS from a page of the app's origin that runs no app code (the server's
  // 404), laid out as src/app/stored-data.ts keeps a load: the files as file-N.bin in name order, the snapshot's
  // tables, then manifest.json. The "own" files are the sample's, so their snapshot is the one the build made of the
  // sample by the same load path. The context has never opened the app: the timed visit is as cold as the others.
  await page.goto(`${base}no-such-page`);
  await page.evaluate(async ({ names, texts, snapshotManifest, snapshotTables }) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('tee-own-data', { create: true });
    const write = async (name, data) => {
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(data);
      await w.close();
    };
    const encoded = texts.map((t) => new TextEncoder().encode(t));
    for (const [i, bytes] of encoded.entries()) await write(`file-${i}.bin`, bytes);
    for (const [name, text] of Object.entries(snapshotTables)) await write(name, text);
    await write('manifest.json', JSON.stringify({ format: 1, loadedAt: new Date().toISOString(), dateFloor: '2000-01-01',
      files: names.map((name, i) => ({ name, bytes: encoded[i].byteLength })), snapshot: snapshotManifest }));
  }, { names, texts, snapshotManifest, snapshotTables });
}

async function firstChart(url, { returning = false } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  try {
    if (returning) await seed(page, url, sets.get(url));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(CHART, { timeout: 60_000 });
    const ms = await page.evaluate(() => Math.round(performance.now()));
    if (returning && !(await page.locator('.data-banner').textContent()).includes('Your data')) throw new Error('the kept files were not opened');
    return ms;
  } catch (error) {
    console.error(`${url}${returning ? ' (returning)' : ''}: ${String(error).slice(0, 200)}`);
    return null;
  } finally {
    await ctx.close();
  }
}

const rows = { ...(base ? { 'base sample': [], 'base returning': [] } : {}), sample: [], returning: [], floor: [] };
try {
  for (let i = 0; i < Number(runsArg); i++) {
    if (base) rows['base sample'].push(await firstChart(base.url));
    rows.sample.push(await firstChart(app.url));
    if (base) rows['base returning'].push(await firstChart(base.url, { returning: true }));
    rows.returning.push(await firstChart(app.url, { returning: true }));
    rows.floor.push(await firstChart(floor.url));
  }
} finally {
  await browser.close();
  await app.close();
  await floor.close();
  await base?.close();
}
const median = (xs) => {
  const ok = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return ok.length ? ok[Math.floor(ok.length / 2)] : null;
};
const pairRatio = (xs, ys = rows.floor) => median(xs.map((x, i) => (x !== null && ys[i] !== null ? x / ys[i] : null)));
for (const [label, xs] of Object.entries(rows)) console.log(`${label.padEnd(14)} runs ms: ${xs.join(' ')}  median ${median(xs)}`);
for (const label of Object.keys(rows).filter((l) => l !== 'floor')) {
  const m = median(rows[label]);
  const f = median(rows.floor);
  const what = label.endsWith('sample') ? 'sample data' : 'returning user (own data from OPFS)';
  console.log(`first chart, ${label.startsWith('base') ? 'base, ' : ''}${what}: ${m && f ? (m / f).toFixed(2) : 'n/a'} x floor (medians), per-run-pair median ${pairRatio(rows[label])?.toFixed(2) ?? 'n/a'} x`);
}
if (base) {
  for (const label of ['sample', 'returning']) console.log(`after / before, ${label}, per-run-pair median: ${pairRatio(rows[label], rows[`base ${label}`])?.toFixed(2) ?? 'n/a'}`);
}
