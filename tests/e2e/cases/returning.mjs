// End-to-end cases for returning users (imported by tests/e2e/run.mjs): the user's files, once loaded, are kept in
// this browser's origin-private file system (OPFS) and open again on reload without choosing them, with the day they
// were loaded and their names; "Forget this data" deletes them and the sample comes back, also after a reload.
// The snapshot of the checked tables is kept beside the files. Unticking "Keep my files" keeps nothing; a browser without OPFS says so and holds the files in the tab. Also the
// Data view's own state: chosen files survive leaving the view, and the date floor setting reaches the checks.
// Keeping runs after the data is in use ("Keeping…", then "Kept on this device" or why not, the data staying in use);
// the kept data's first chart on return is drawn from the answers stored with it before the engine is ready.
// Expected figures come from the sample files themselves, not from the app.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { holdEngine, marks, viewText, waitForLive } from './stored-answers.mjs';
import { loadedCounts } from '../uploads.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE_DIR = existsSync(join(ROOT, 'sample-data', 'schools.csv')) ? 'sample-data' : 'tests/fixtures/app-sample';
const TIMEOUT = 60_000;
const NAMES = ['provision.csv', 'referrals.csv', 'schools.csv', 'workforce.csv'];

const sampleText = (name) => readFileSync(join(ROOT, SAMPLE_DIR, name), 'utf8');
const dataRows = (text) => text.split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;

/** The sample set with referrals cut to its first 5,000 rows, so the user's data can be told apart from the sample. */
function ownFiles() {
  const texts = Object.fromEntries(NAMES.map((name) => [name, sampleText(name)]));
  texts['referrals.csv'] = texts['referrals.csv'].split('\n').slice(0, 5_001).join('\n') + '\n';
  return texts;
}
const asUploads = (texts) => Object.entries(texts).map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) }));
const expectedCounts = (texts) => ['schools', 'referrals', 'provision', 'workforce'].map((t) => `${t}=${dataRows(texts[`${t}.csv`])}`).join(' ');

const waitForCaption = (page, text) => page.locator('caption', { hasText: text }).waitFor({ timeout: TIMEOUT });

/** What OPFS holds for this site: the kept folder's manifest and file sizes, or null when there is no folder. */
const opfsContents = (page) => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory();
  let dir;
  try { dir = await root.getDirectoryHandle('tee-own-data'); } catch { return null; }
  const out = { manifest: null, sizes: {} };
  for await (const [name, handle] of dir.entries()) {
    const file = await handle.getFile();
    if (name === 'manifest.json') out.manifest = JSON.parse(await file.text());
    else out.sizes[name] = file.size;
  }
  return out;
});

async function upload(page, baseUrl, texts, { keep = true } = {}) {
  await page.goto(`${baseUrl}?view=data`);
  await waitForCaption(page, 'Tables loaded from the sample data');
  await page.getByLabel('Choose CSV files').setInputFiles(asUploads(texts));
  if (!keep) await page.getByLabel('Keep my files in this browser for next time').uncheck();
  await page.getByRole('button', { name: 'Check and load files' }).click();
  await page.getByRole('region', { name: 'Your data is loaded' }).waitFor({ timeout: TIMEOUT });
  await waitForCaption(page, 'Tables loaded from your files');
  // Keeping runs in the background once the data is in use: wait for its outcome.
  await page.waitForFunction(() => {
    const text = document.querySelector('#data-keeping')?.textContent ?? '';
    return text !== '' && !text.startsWith('Keeping');
  }, null, { timeout: TIMEOUT });
}

/** Records every text the Data view's keeping status shows, from the page's start (window.__keeping). */
const watchKeeping = (page) => page.addInitScript(() => {
  window.__keeping = [];
  new MutationObserver(() => {
    const text = document.querySelector('#data-keeping')?.textContent ?? null;
    const ready = document.querySelector('caption')?.textContent?.includes('from your files') ?? false;
    if (text !== null && text !== window.__keeping.at(-1)?.text) window.__keeping.push({ text, ready });
  }).observe(document, { subtree: true, childList: true, characterData: true });
});

const EQUITY_FIGURES = ['equity/rates-by-type-phase', 'equity/funnel', 'equity/provision-by-type', 'equity/provision-by-school', 'equity/programme-impact'];

export const CASES = [
  ['returning: your files are kept in this browser, reopen on reload with their date, and forgetting brings back the sample', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    const texts = ownFiles();
    await watchKeeping(page);
    const before = Date.now();
    await upload(page, baseUrl, texts);
    // The data was in use (its tables shown) while it was being kept, then it said it was kept.
    const keeping = await page.evaluate(() => window.__keeping);
    check(keeping[0]?.text.startsWith('Keeping') && keeping[0].ready, `the Data view did not say "Keeping…" with the data in use: ${JSON.stringify(keeping)}`);
    check(keeping.at(-1)?.text.startsWith('Kept on this device'), `the Data view did not end on "Kept on this device": ${JSON.stringify(keeping)}`);
    const after = Date.now();
    // What is on the device: a manifest naming each file with its size, written at the time of the upload.
    const kept = await opfsContents(page);
    check(kept?.manifest, 'nothing kept in OPFS after loading');
    const names = kept.manifest.files.map((f) => f.name).join(',');
    check(names === NAMES.join(','), `kept files ${names}`);
    for (const f of kept.manifest.files) check(f.bytes === Buffer.byteLength(texts[f.name]), `${f.name} kept as ${f.bytes} bytes`);
    const fileSizes = Object.entries(kept.sizes).filter(([name]) => name.startsWith('file-')).map(([, size]) => size);
    check(fileSizes.sort((a, b) => a - b).join() === NAMES.map((n) => Buffer.byteLength(texts[n])).sort((a, b) => a - b).join(),
      `kept file sizes ${JSON.stringify(kept.sizes)}`);
    // Beside the files, the snapshot of the checked tables that the next visit opens without checking again.
    const tables = ['schools', 'referrals', 'provision', 'workforce'];
    check(tables.every((t) => kept.sizes[`tee-snapshot-${t}.csv`] > 0) && kept.manifest.snapshot?.loaded.rowCounts.referrals === dataRows(texts['referrals.csv']),
      `no snapshot kept: ${JSON.stringify(kept.sizes)}`);
    check(kept.sizes['tee-answers.json'] > 0 && /^[0-9a-f]{64}$/.test(kept.manifest.snapshot?.digest ?? ''), `no stored answers kept: ${JSON.stringify(kept.sizes)}`);
    const loadedAt = Date.parse(kept.manifest.loadedAt);
    check(loadedAt >= before - 1000 && loadedAt <= after + 1000, `kept as loaded at ${kept.manifest.loadedAt}`);

    // Reload: the same files open without choosing them, and the sample is never fetched.
    const sampleRequests = [];
    page.on('request', (request) => { if (request.url().includes('/sample-data/')) sampleRequests.push(request.url()); });
    await page.reload();
    await waitForCaption(page, 'Tables loaded from your files');
    check(await loadedCounts(page) === expectedCounts(texts), `after reload loaded ${await loadedCounts(page)}, expected ${expectedCounts(texts)}`);
    check(sampleRequests.length === 0, `the sample was fetched on return: ${sampleRequests.join(', ')}`);
    const day = await page.evaluate((iso) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }), kept.manifest.loadedAt);
    const when = await page.locator('#data-loaded-when').textContent();
    check(when.includes(day) && NAMES.every((n) => when.includes(n)), `the Data view says "${when}" (expected the day ${day} and the file names)`);
    check((await page.locator('.data-banner').textContent()).includes(day), 'the banner does not say when the data was loaded');
    check(await page.getByText('Opened from this browser').isVisible(), 'the Data view does not say the files were opened from this browser');
    const violations = await runAxe(page);
    if (violations.length) throw axeError(violations);
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await shot(`returning-kept-${width}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // The charts show the kept data too.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Equity', exact: true }).click();
    await waitForChart(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Data', exact: true }).click();

    // Forget: deleted from OPFS, the sample comes back now and after a reload.
    await page.getByRole('button', { name: 'Forget this data' }).click();
    await waitForCaption(page, 'Tables loaded from the sample data');
    check(await page.getByRole('status').filter({ hasText: 'Your files were deleted from this browser' }).count() === 1, 'forgetting was not announced');
    check(await opfsContents(page) === null, 'the kept files are still in OPFS after forgetting');
    await page.reload();
    await waitForCaption(page, 'Tables loaded from the sample data');
    const sample = Object.fromEntries(NAMES.map((n) => [n, sampleText(n)]));
    check(await loadedCounts(page) === expectedCounts(sample), `after forgetting loaded ${await loadedCounts(page)}`);
  }],

  ['returning: the kept data\'s first chart is drawn from its stored answers before the engine is ready, and the live values are identical', async ({ page, baseUrl, shot, check }) => {
    const texts = ownFiles();
    await upload(page, baseUrl, texts);
    // A fresh visit to the first view, the engine held back: the figures come from the answers kept with the data.
    const engine = await holdEngine(page);
    await page.goto(baseUrl);
    await page.waitForFunction((names) => {
      const got = new Set(performance.getEntriesByType('mark').map((m) => m.name));
      return names.every((n) => got.has(`tee:figure-stored:${n}`));
    }, EQUITY_FIGURES, { timeout: TIMEOUT });
    await page.waitForSelector('.vega-embed svg g[class^="mark-"] path, .vega-embed canvas', { timeout: TIMEOUT });
    await page.waitForTimeout(500);
    const early = await marks(page);
    check(engine.asked() && !('tee:engine-ready' in early), `the engine was ready: ${JSON.stringify(early)}`);
    check((await page.locator('.data-banner').textContent()).includes('Your data'), 'the banner does not say "Your data" before the engine is ready');
    const before = await viewText(page);
    check(before.tables.length >= 3 && before.findings.length > 100, `too little drawn early: ${before.tables.length} tables`);
    await shot('returning-early-1366.png');
    engine.release();
    await waitForLive(page, EQUITY_FIGURES);
    const after = await viewText(page);
    check(after.tables.length === before.tables.length, `${before.tables.length} tables early, ${after.tables.length} live`);
    for (const [i, text] of after.tables.entries()) check(text === before.tables[i], `table ${i} differs live:\n early ${before.tables[i].slice(0, 300)}\n live  ${text.slice(0, 300)}`);
    check(after.findings === before.findings, 'the key findings differ live');
    // They are the user's figures, not the sample's: the Data view's counts are the user's files'.
    await page.goto(`${baseUrl}?view=data`);
    check(await loadedCounts(page) === expectedCounts(texts), `loaded ${await loadedCounts(page)}`);
  }],

  ['returning: a failure to keep the files says so and leaves the loaded data in use', async ({ page, baseUrl, check, waitForChart, tab }) => {
    // OPFS is there, but every write fails (as when the device is full).
    await page.addInitScript(() => {
      FileSystemFileHandle.prototype.createWritable = () => Promise.reject(new DOMException('there is no space left (test)', 'QuotaExceededError'));
    });
    const texts = ownFiles();
    await upload(page, baseUrl, texts);
    const text = await page.locator('#data-keeping').textContent();
    check(text.includes('could not be kept in this browser') && text.includes('there is no space left (test)'), `the Data view says: ${text}`);
    check(await loadedCounts(page) === expectedCounts(texts), `after the failure loaded ${await loadedCounts(page)}`);
    check(await opfsContents(page) === null, 'something half-kept is left in OPFS');
    await tab(page, 'Equity').click();
    await waitForChart(page);
    check((await page.locator('.data-banner').textContent()).includes('Your data'), 'the charts no longer show the loaded data');
  }],

  ['returning: unticking "Keep my files" keeps nothing, and a reload shows the sample', async ({ page, baseUrl, check }) => {
    await upload(page, baseUrl, ownFiles(), { keep: false });
    check(await page.getByText('You chose not to keep them').isVisible(), 'the Data view does not say the files are not kept');
    check(await opfsContents(page) === null, 'files were kept although the box was unticked');
    await page.reload();
    await waitForCaption(page, 'Tables loaded from the sample data');
  }],

  ['returning: a browser without OPFS says the files cannot be kept and holds them in the tab', async ({ page, baseUrl, check }) => {
    await page.addInitScript(() => { Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined }); });
    await upload(page, baseUrl, ownFiles());
    const text = await page.locator('.data-kept').textContent();
    check(text.includes('could not be kept in this browser') && text.includes('no origin-private file system'), `the Data view says: ${text}`);
    await page.reload();
    await waitForCaption(page, 'Tables loaded from the sample data');
  }],

  ['data: chosen files stay chosen after leaving the Data view; the date floor setting reaches the checks', async ({ page, baseUrl, shot, check, tab }) => {
    await page.goto(`${baseUrl}?view=data`);
    await waitForCaption(page, 'Tables loaded from the sample data');
    await page.getByLabel('Choose CSV files').setInputFiles(asUploads(Object.fromEntries(NAMES.map((n) => [n, sampleText(n)]))));
    await page.getByLabel('Earliest plausible date').fill('2022-01-01');
    await tab(page, 'Methods').click();
    await page.getByRole('heading', { level: 1, name: 'Methods' }).waitFor();
    await tab(page, 'Data').click();
    await page.locator('.data-chosen__item').first().waitFor({ timeout: TIMEOUT });
    check(await page.locator('.data-chosen__item').count() === 4, `${await page.locator('.data-chosen__item').count()} files still chosen, not 4`);
    check(await page.getByLabel('Earliest plausible date').inputValue() === '2022-01-01', 'the date floor was reset');
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await shot(`data-settings-${width}.png`);
    }
    // The sample's referrals start in 2021, so under a 2022 floor they are refused, naming the floor.
    await page.getByRole('button', { name: 'Check and load files' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const text = await summary.textContent();
    check(text.includes('is before 2022-01-01'), `error summary says ${text}`);
    check(await opfsContents(page) === null, 'refused files were kept');
  }],
];
