// End-to-end tests of the built app in Debian Chromium, as a user meets it: builds dist/ (skip with --no-build),
// serves it on 127.0.0.1, and checks what is on screen. Every case also records requests to any other host and
// console errors; two final cases fail if there were any. Screenshots go to test-output/e2e/*.png.
// usage: node tests/e2e/run.mjs [--no-build] [--only TEXT]   (--only: run the cases whose name contains TEXT)
// env: CHROMIUM (default /usr/bin/chromium), CI (set: a missing browser fails instead of skipping)
// Prints one line per case, then "N passed, N failed"; writes test-output/e2e.json; exits 1 on any failure.
//
// Features add their own cases in tests/e2e/cases/<view>.mjs, exporting an array named CASES of
// [name, async (helpers) => ...] pairs, where helpers = { page, baseUrl, shot(file), check(condition, message),
// waitForChart(page), runAxe(page), axeError(violations), tab(page, label), rowCounts(page),
// fixtureFile(name, transform?) }. A case throws to fail, or returns [[subName, error | null], ...] to report
// several results (as the accessibility case below does). Each case gets a fresh browser context.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveStatic } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'test-output', 'e2e');
const SUMMARY = join(ROOT, 'test-output', 'e2e.json');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHART = '.vega-embed svg g[class^="mark-"] path, .vega-embed canvas';
const TIMEOUT = 60_000;
const require = createRequire(import.meta.url);

const results = [];
function record(name, error, ms) {
  results.push({ name, ok: !error, ms, error: error ? String(error.message ?? error).split('\n')[0] : undefined });
  console.log(error ? `FAIL ${name}: ${results.at(-1).error}` : `PASS ${name} (${ms} ms)`);
}

function finish(extra = {}) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  writeFileSync(SUMMARY, `${JSON.stringify({ passed, failed, ...extra, cases: results }, null, 2)}\n`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

const check = (condition, message) => {
  if (!condition) throw new Error(message);
};

function build() {
  const started = Date.now();
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`built dist/ in ${Date.now() - started} ms`);
}

/** The cases each feature keeps in tests/e2e/cases/*.mjs (see the header). */
async function featureCases() {
  const dir = join(ROOT, 'tests', 'e2e', 'cases');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
  return modules.flatMap((m, i) => {
    if (!Array.isArray(m.CASES)) throw new Error(`tests/e2e/cases/${files[i]} does not export CASES`);
    return m.CASES;
  });
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  try {
    if (!process.argv.includes('--no-build')) build();
    check(existsSync(join(ROOT, 'dist', 'index.html')), 'dist/index.html is missing: run without --no-build');
  } catch (error) {
    record('build', error, 0);
    finish();
    return;
  }
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : '';
  const cases = [...CASES, ...(await featureCases())].filter(([name]) => name.includes(only));
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(join(ROOT, 'dist'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const foreign = new Map();
  const consoleErrors = [];
  try {
    for (const [name, body] of cases) await runCase(browser, server.url, name, body, foreign, consoleErrors);
    record('no request to any host other than 127.0.0.1', foreign.size
      ? new Error(`${foreign.size} foreign request(s): ${[...foreign].slice(0, 3).map(([u, c]) => `${u} (in ${c})`).join(', ')}`) : null, 0);
    record('no console errors', consoleErrors.length
      ? new Error(`${consoleErrors.length} error(s): ${consoleErrors.slice(0, 3).join(' | ')}`) : null, 0);
  } finally {
    await browser.close();
    await server.close();
  }
  finish();
}

async function runCase(browser, baseUrl, name, body, foreign, consoleErrors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) foreign.set(url, name);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`[${name}] ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`[${name}] ${String(error).slice(0, 300)}`));
  const started = Date.now();
  try {
    const shot = (file) => page.screenshot({ path: join(OUT, file), fullPage: true });
    const subResults = await body({ page, baseUrl, shot, check, waitForChart, runAxe, axeError, tab, rowCounts, fixtureFile });
    if (Array.isArray(subResults)) for (const [sub, error] of subResults) record(`${name}: ${sub}`, error, Date.now() - started);
    else record(name, null, Date.now() - started);
  } catch (error) {
    await page.screenshot({ path: join(OUT, `failed-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
    record(name, error, Date.now() - started);
  } finally {
    await context.close();
  }
}

const tab = (page, label) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: label, exact: true });

async function waitForChart(page) {
  await page.waitForSelector(CHART, { timeout: TIMEOUT });
}

/** The Data view's table of rows loaded per table. */
async function rowCounts(page) {
  await page.waitForSelector('table caption:has-text("Tables loaded")', { timeout: TIMEOUT });
  return page.$$eval('table tbody tr', (rows) => rows.map((row) => {
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');
    return { table: cells[0], file: cells[1], rows: Number((cells[2] ?? '').replace(/,/g, '')) };
  }));
}

async function runAxe(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() runs outside the page's Content-Security-Policy, which would block an injected <script>.
  await page.evaluate(source);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') })));
}

/** An error naming every serious or critical violation, or null. E2E_VERBOSE=1 also prints the minor ones. */
function axeError(violations) {
  if (process.env.E2E_VERBOSE) for (const v of violations) console.log(`  axe ${v.impact} ${v.id} (${v.nodes}× e.g. ${v.target}): ${v.help}`);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.length ? new Error(bad.map((v) => `${v.impact} ${v.id} (${v.nodes}× e.g. ${v.target}): ${v.help}`).join('; ')) : null;
}

/** A file of the committed sample data, for setInputFiles (optionally changed by `transform`). */
function fixtureFile(name, transform = (text) => text) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(transform(readFileSync(join(ROOT, 'sample-data', name), 'utf8'))) };
}

// The shell's own cases: they hold whichever component each view in src/app/views.ts points at.
const firstFigure = (page) => page.locator('figure.chart-figure').first();

const CASES = [
  ['first view shows the sample-data banner and a drawn chart', async ({ page, baseUrl, shot }) => {
    await page.goto(baseUrl);
    await page.getByText('Sample data — synthetic').waitFor({ timeout: TIMEOUT });
    await waitForChart(page);
    check((await page.locator('h1').textContent()) === 'Equity of access', 'h1 is not "Equity of access"');
    check(await page.locator('main#main-content').count() === 1, 'no main landmark');
    check(await tab(page, 'Equity').getAttribute('aria-current') === 'page', 'Equity tab not marked current');
    check(await page.title() === 'Equity of access – Therapy Equity Explorer', `unexpected title ${await page.title()}`);
    await shot('equity.png');
  }],

  ['data view shows a row count above 0 for each table', async ({ page, baseUrl, shot }) => {
    await page.goto(`${baseUrl}?view=data`);
    const counts = await rowCounts(page);
    check(counts.map((c) => c.table).join() === 'schools,referrals,provision,workforce', `tables: ${counts.map((c) => c.table)}`);
    for (const c of counts) {
      const optionalAbsent = c.table === 'workforce' && c.file.startsWith('not given');
      check(optionalAbsent || c.rows > 0, `${c.table} has ${c.rows} rows`);
    }
    await shot('data.png');
  }],

  ['filters live in the URL and carry across views', async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    await waitForChart(page);
    const service = () => page.getByRole('combobox', { name: 'Service', exact: true });
    await service().selectOption('OT');
    await page.waitForURL(/service=OT/);
    await tab(page, 'Data').click();
    await page.waitForURL(/view=data/);
    check(new URL(page.url()).searchParams.get('service') === 'OT', 'service filter lost on switching view');
    check(await page.evaluate(() => document.activeElement?.tagName) === 'H1', 'focus did not move to the new heading');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('view') === 'equity');
    check(await service().inputValue() === 'OT', 'filter not restored after Back');
    await page.goto(`${baseUrl}?view=equity&service=nonsense&phase=primary`);
    check(await service().inputValue() === '', 'an invalid service value was accepted');
    check(await page.getByRole('combobox', { name: 'Age phase', exact: true }).inputValue() === 'primary', 'phase from the URL not applied');
  }],

  ['downloads: CSV is spreadsheet-safe, SVG and PNG are images', async ({ page, baseUrl }) => {
    await page.goto(baseUrl);
    await waitForChart(page);
    const figure = firstFigure(page);
    const save = async (name) => {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name }).click()]);
      return { fileName: download.suggestedFilename(), text: readFileSync(await download.path()) };
    };
    const csv = await save('Download data (CSV)');
    check(csv.fileName.endsWith('.csv'), `CSV named ${csv.fileName}`);
    const lines = csv.text.toString('utf8').split('\r\n');
    check(lines[0].startsWith('\uFEFF') && lines.length > 2, `CSV starts ${JSON.stringify(lines.slice(0, 2))}`);
    check(!lines.some((l) => l.split(',').some((cell) => /^"?[=+@]/.test(cell))), 'a CSV cell starts with a formula character');
    const svg = await save('Download SVG');
    check(svg.text.toString('utf8').startsWith('<svg'), 'SVG download is not an SVG');
    const png = await save('Download PNG');
    check(png.text.subarray(1, 4).toString() === 'PNG', 'PNG download is not a PNG');
  }],

  ['accessibility (axe-core)', async ({ page, baseUrl, shot }) => {
    const out = [];
    await page.goto(baseUrl);
    await waitForChart(page);
    out.push(['equity', axeError(await runAxe(page))]);
    await firstFigure(page).getByRole('button', { name: 'Show data table' }).click();
    out.push(['equity with a data table', axeError(await runAxe(page))]);
    for (const [label, id] of [['Demand', 'demand'], ['My setting', 'my-setting'], ['Data', 'data']]) {
      await tab(page, label).click();
      await page.waitForURL((url) => url.searchParams.get('view') === id);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => !document.querySelector('main .app-progress'), undefined, { timeout: TIMEOUT });
      await shot(`${id}.png`);
      out.push([id, axeError(await runAxe(page))]);
    }
    await page.goto(`${baseUrl}?view=data`);
    await rowCounts(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    out.push(['skip link is the first tab stop', (await skip.evaluate((a) => a === document.activeElement)) ? null : new Error('first Tab did not reach the skip link')]);
    await shot('skip-link-focused.png');
    return out;
  }],
];

// Entry, after CASES is defined.
if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    record('chromium is installed', new Error(`${CHROMIUM} not found (CI is set, so a missing browser fails the run)`), 0);
    finish();
  } else {
    console.log(`SKIP e2e: ${CHROMIUM} not found. Install Debian chromium (apt-get install chromium) to run the browser tests.`);
    finish({ skipped: true });
  }
} else {
  await main().catch((error) => {
    record('e2e runner', error, 0);
    finish();
  });
}

