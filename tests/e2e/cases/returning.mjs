// End-to-end cases for returning users (imported by tests/e2e/run.mjs): the user's files, once loaded, are kept in
// this browser's origin-private file system (OPFS) and open again on reload without choosing them, with the day they
// were loaded and their names; "Forget this data" deletes them and the sample comes back, also after a reload.
// The snapshot of the checked tables is kept beside the files. Unticking "Keep my files" keeps nothing; a browser without OPFS says so and holds the files in the tab. Also the
// Data view's own state: chosen files survive leaving the view, and the date floor setting reaches the checks.
// Expected figures come from the sample files themselves, not from the app.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

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

const loadedTable = (page) => page.locator('table', { has: page.locator('caption', { hasText: 'Tables loaded from' }) });
async function loadedCounts(page) {
  await loadedTable(page).waitFor({ timeout: TIMEOUT });
  return loadedTable(page).locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
    const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '');
    return `${cells[0]}=${(cells[2] ?? '').replace(/,/g, '')}`;
  }).join(' '));
}
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
}

export const CASES = [
  ['returning: your files are kept in this browser, reopen on reload with their date, and forgetting brings back the sample', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    const texts = ownFiles();
    const before = Date.now();
    await upload(page, baseUrl, texts);
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
