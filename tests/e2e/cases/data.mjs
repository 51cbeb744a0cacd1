// End-to-end cases for the Data view (imported by tests/e2e/run.mjs): loading a valid set of the user's files
// replaces the sample data; a set with a broken row is refused with the row's line number and the data in use
// stays; files can be dropped on the drop zone; and axe finds nothing serious with the error summary showing.
// Expected figures come from the sample files themselves, not from the app.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { fileInput, loadedCounts } from '../uploads.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE_DIR = existsSync(join(ROOT, 'sample-data', 'schools.csv')) ? 'sample-data' : 'tests/fixtures/app-sample';
const TIMEOUT = 60_000;
const RENAMED = 'Zebedee Test Renamed School';

const sampleText = (name) => readFileSync(join(ROOT, SAMPLE_DIR, name), 'utf8');
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
/** Data rows in a CSV written by `generate` (no quoted line breaks): non-blank lines after the header. */
const dataRows = (text) => text.split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;

/** schools.csv with the first school's name changed, so the app can be seen to show the user's files. */
function renamedSchools() {
  const lines = sampleText('schools.csv').split('\n');
  const cells = lines[1].split(',');
  cells[1] = RENAMED;
  lines[1] = cells.join(',');
  return { text: lines.join('\n'), urn: cells[0] };
}

/** referrals.csv with the referral_date on line 7 (the header is line 1) made impossible. */
function referralsBrokenOnLine7() {
  const lines = sampleText('referrals.csv').split('\n');
  const header = lines[0].split(',');
  const cells = lines[6].split(',');
  cells[header.indexOf('referral_date')] = '31/02/2024';
  lines[6] = cells.join(',');
  return lines.join('\n');
}

/** referrals.csv with an NHS number (valid check digit, spaced) as the pupil_pseudo_id on line 9. */
const NHS_NUMBER = '943 476 5919';
function referralsWithNhsNumberOnLine9() {
  const lines = sampleText('referrals.csv').split('\n');
  const header = lines[0].split(',');
  const cells = lines[8].split(',');
  cells[header.indexOf('pupil_pseudo_id')] = NHS_NUMBER;
  lines[8] = cells.join(',');
  return lines.join('\n');
}

async function openDataView(page, baseUrl) {
  await page.goto(`${baseUrl}?view=data`);
  await page.locator('caption', { hasText: 'Tables loaded from the sample data' }).waitFor({ timeout: TIMEOUT });
}

export const CASES = [
  ['data: a valid set of your own files replaces the sample data', async ({ page, baseUrl, shot, check, tab }) => {
    await openDataView(page, baseUrl);
    const schools = renamedSchools();
    const texts = { 'schools.csv': schools.text, 'referrals.csv': sampleText('referrals.csv'), 'provision.csv': sampleText('provision.csv'), 'workforce.csv': sampleText('workforce.csv') };
    await fileInput(page).setInputFiles(Object.entries(texts).map(([name, text]) => csvFile(name, text)));
    check(await page.locator('.data-chosen__item').count() === 4, 'the four chosen files are not listed');
    await page.getByRole('button', { name: 'Check and load files' }).click();
    const panel = page.getByRole('region', { name: 'Your data is loaded' });
    await panel.waitFor({ timeout: TIMEOUT });
    check(await panel.evaluate((el) => el === document.activeElement), 'focus did not move to the confirmation panel');
    await page.locator('caption', { hasText: 'Tables loaded from your files' }).waitFor({ timeout: TIMEOUT });
    const expected = Object.entries(texts).map(([name, text]) => `${name.replace('.csv', '')}=${dataRows(text)}`).join(' ');
    check(await loadedCounts(page) === expected, `loaded ${await loadedCounts(page)}, expected ${expected}`);
    const panelText = await panel.textContent();
    check(panelText.includes(`referrals: ${dataRows(texts['referrals.csv']).toLocaleString('en-GB')} rows`), `panel says ${panelText}`);
    check(await page.getByText('Your data', { exact: true }).isVisible(), 'no "Your data" banner');
    check(!(await page.getByText('Sample data — synthetic').isVisible()), 'sample banner still shown');
    check(await page.getByRole('button', { name: 'Forget this data' }).isVisible(), 'no way to forget the data and go back to the sample');
    await shot('data-loaded.png');
    // The renamed school is what My setting now lists (navigating inside the page keeps the loaded data).
    await tab(page, 'My setting').click();
    await page.locator(`option[value="${schools.urn}"]`).waitFor({ state: 'attached', timeout: TIMEOUT });
    const option = await page.locator(`option[value="${schools.urn}"]`).textContent();
    check(option.includes(RENAMED), `My setting lists ${option}, not the renamed school`);
  }],

  ['data: a broken referrals row is refused with its line number and the data in use stays', async ({ page, baseUrl, shot, check, runAxe, axeError }) => {
    await openDataView(page, baseUrl);
    const before = await loadedCounts(page);
    const files = [
      csvFile('schools.csv', sampleText('schools.csv')), csvFile('referrals.csv', referralsBrokenOnLine7()),
      csvFile('provision.csv', sampleText('provision.csv')),
    ];
    await fileInput(page).setInputFiles(files);
    await page.getByRole('button', { name: 'Check and load files' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const text = await summary.textContent();
    check(text.includes('referrals.csv:7: referral_date: must be a date'), `error summary says ${text}`);
    check(text.includes('1 row rejected of 15,000 rows'), `error summary counts: ${text}`);
    check(await summary.evaluate((el) => el === document.activeElement), 'error summary not focused');
    const link = summary.getByRole('link', { name: /^referrals\.csv/ });
    check(await link.getAttribute('href') === '#issues-referrals', 'summary does not link to the referrals section');
    const issueRow = page.locator('table', { has: page.locator('caption', { hasText: 'Problems in referrals.csv' }) }).locator('tbody tr').first();
    const cells = await issueRow.locator('th, td').allTextContents();
    check(cells.join('|') === '7|referral_date|must be a date as yyyy-mm-dd or dd/mm/yyyy|31/02/2024', `issue row: ${cells.join('|')}`);
    check(await page.getByText('Sample data — synthetic').isVisible(), 'the sample banner went away');
    check(await loadedCounts(page) === before, `row counts changed: ${await loadedCounts(page)} (were ${before})`);
    await shot('data-invalid.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all issues (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    check(csv.includes('referrals.csv,7,referral_date,must be a date as yyyy-mm-dd or dd/mm/yyyy,31/02/2024'), `issues CSV: ${csv.slice(0, 200)}`);
    await link.click();
    check(await page.evaluate(() => document.activeElement?.id) === 'issues-referrals', 'the summary link did not move focus to the file section');
    const axe = axeError(await runAxe(page));
    if (axe) throw axe;
  }],

  ['data: an NHS number in an upload is refused in the browser with its line, the value not shown, the data kept', async ({ page, baseUrl, shot, check }) => {
    await openDataView(page, baseUrl);
    const before = await loadedCounts(page);
    await fileInput(page).setInputFiles([
      csvFile('schools.csv', sampleText('schools.csv')), csvFile('referrals.csv', referralsWithNhsNumberOnLine9()),
      csvFile('provision.csv', sampleText('provision.csv')),
    ]);
    const statuses = [];
    await page.exposeFunction('teeSawStatus', (text) => statuses.push(text));
    await page.evaluate(() => {
      const status = document.querySelector('.data-progress__message');
      new MutationObserver(() => window.teeSawStatus(status?.textContent ?? '')).observe(status, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Check and load files' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const text = await summary.textContent();
    check(text.includes("referrals.csv:9: pupil_pseudo_id: looks like an NHS number"), `error summary says ${text}`);
    check(!(await page.content()).includes(NHS_NUMBER), 'the NHS number is shown on the page');
    check(statuses.some((s) => /Checking referrals \(15,000 rows\)/.test(s)), `progress never named the rows checked: ${statuses.join(' / ')}`);
    check(await loadedCounts(page) === before, `row counts changed: ${await loadedCounts(page)} (were ${before})`);
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await shot(`data-identifier-refused-${width}.png`);
    }
  }],

  ['data: files dropped on the drop zone are listed; a missing required file is reported', async ({ page, baseUrl, shot, check }) => {
    await openDataView(page, baseUrl);
    await page.locator('.data-drop-zone').evaluate((zone, schools) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([schools], 'schools.csv', { type: 'text/csv' }));
      transfer.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, sampleText('schools.csv'));
    await page.locator('.data-chosen__item').first().waitFor();
    check((await page.locator('.data-chosen__item').allTextContents()).join().includes('schools.csv'), 'dropped schools.csv not listed');
    check(await page.getByRole('status').filter({ hasText: 'Not added' }).filter({ hasText: 'notes.txt' }).count() === 1, 'notes.txt not reported as not added');
    await page.getByRole('button', { name: 'Check and load files' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const text = await summary.textContent();
    for (const missing of ['referrals.csv is missing', 'provision.csv is missing']) check(text.includes(missing), `summary lacks "${missing}": ${text}`);
    check(await page.getByText('Sample data — synthetic').isVisible(), 'the sample banner went away');
    await shot('data-missing-files.png');
  }],
];
