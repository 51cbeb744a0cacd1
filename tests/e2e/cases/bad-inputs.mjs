// End-to-end case for the Data view (imported by tests/e2e/run.mjs): with the user's own files loaded, several sets
// from issue 13's classes of bad input are uploaded one after another. Each must be refused with an error summary
// naming file:line: column, the value withheld where it could identify someone, no stack trace and no knock-on
// errors, and the user's data already loaded must stay in use; then a set with padded cells and UK dates loads the
// same rows. The expected lines are written out here by hand
// from each edit (the header is line 1), not taken from the app.
import { existsSync, readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { fileInput, loadedCounts } from '../uploads.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE_DIR = existsSync(join(ROOT, 'sample-data', 'schools.csv')) ? 'sample-data' : 'tests/fixtures/app-sample';
const TIMEOUT = 60_000;
const RENAMED = 'Quillon Bad Inputs School';
const NHS_NUMBER = '943-476-5919';
const POSTCODE = 'SW1A 1AA';
const STACK = /\bat \S+:\d+:\d+/;

const sampleText = (name) => readFileSync(join(ROOT, SAMPLE_DIR, name), 'utf8');
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const dataRows = (text) => text.split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;

/** `text` with the cell `column` of line `line` (the header is line 1) set to `value`. */
function setCell(text, line, column, value) {
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const at = header.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1].split(',');
  if (cells.length !== header.length) throw new Error(`line ${line} has quoted commas: choose another`);
  cells[at] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
}

/** A CSV's rows (no quoted commas or line breaks) as a Parquet file of text columns, as another tool might write it. */
function asParquet(text) {
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(','));
  const columnData = header.map((name, i) => ({ name, data: rows.map((r) => (r[i] === '' ? null : r[i])), type: 'STRING', nullable: true }));
  return Buffer.from(parquetWriteBuffer({ columnData }));
}
const parquetFile = (name, text) => ({ name, mimeType: 'application/vnd.apache.parquet', buffer: asParquet(text) });

// The Parquet set below once found every Parquet upload failing under the page's CSP (vectorFromArray's new Function;
// fixed by src/db/arrow-text.ts, and reproduced under Node by tests/unit/parquet-no-eval.test.ts).
export const CASES = [
  ['data: bad inputs of every class are refused with file:line: column, values withheld, your data kept', async ({ page, baseUrl, shot, check }) => {
    await page.goto(`${baseUrl}?view=data`);
    await page.locator('caption', { hasText: 'Tables loaded from the sample data' }).waitFor({ timeout: TIMEOUT });
    const clean = {
      'schools.csv': setCell(sampleText('schools.csv'), 2, 'name', RENAMED),
      'referrals.csv': sampleText('referrals.csv'),
      'provision.csv': sampleText('provision.csv'),
      'workforce.csv': sampleText('workforce.csv'),
    };
    // The user's own files first (CRLF then LF line endings in schools.csv: accepted), so "kept" means their data.
    const mixedEndings = clean['schools.csv'].split('\n').map((l, i) => (i < 10 && l ? `${l}\r` : l)).join('\n');
    await fileInput(page).setInputFiles(Object.entries({ ...clean, 'schools.csv': mixedEndings }).map(([n, t]) => csvFile(n, t)));
    await page.getByRole('button', { name: 'Check and load files' }).click();
    await page.locator('caption', { hasText: 'Tables loaded from your files' }).waitFor({ timeout: TIMEOUT });
    const expected = Object.entries(clean).map(([name, text]) => `${name.replace('.csv', '')}=${dataRows(text)}`).join(' ');
    const kept = await loadedCounts(page);
    check(kept === expected, `loaded ${kept}, expected ${expected}`);

    const sets = [
      { what: 'an NHS number in a provision programme', files: { 'provision.csv': setCell(clean['provision.csv'], 5, 'programme', `Talk Boost ${NHS_NUMBER}`) },
        says: 'provision.csv:5: programme: looks like an NHS number', withheld: NHS_NUMBER },
      { what: 'a full postcode in a school locality', files: { 'schools.csv': setCell(clean['schools.csv'], 4, 'locality', `North ${POSTCODE}`) },
        says: 'schools.csv:4: locality: looks like a full postcode', withheld: POSTCODE },
      { what: 'a date before the floor (the spreadsheet zero date)', files: { 'referrals.csv': setCell(clean['referrals.csv'], 4, 'referral_date', '30/12/1899') },
        says: 'referrals.csv:4: referral_date: is before 2000-01-01' },
      { what: 'a 2 MB cell in schools.csv', files: { 'schools.csv': setCell(clean['schools.csv'], 3, 'name', 'z'.repeat(2 * 1024 * 1024)) },
        says: 'schools.csv:3: (row): is longer than 2,000,000 bytes', withheld: 'z'.repeat(50), noKnockOn: true },
      { what: 'an empty schools.csv', files: { 'schools.csv': '' }, says: 'schools.csv:1: (file): is empty', noKnockOn: true },
      { what: 'a header-only referrals.csv', files: { 'referrals.csv': `${clean['referrals.csv'].split('\n')[0]}\n` },
        says: 'referrals.csv:1: (file): has a header but no rows' },
      { what: 'a referral dated in the future', files: { 'referrals.csv': setCell(clean['referrals.csv'], 12, 'referral_date', '2099-01-31') },
        says: 'referrals.csv:12: referral_date: is in the future' },
      { what: 'a NUL byte in a school name', files: { 'schools.csv': setCell(clean['schools.csv'], 6, 'name', 'Bad\u0000Name') },
        says: 'schools.csv:6: name: has a control character' },
      // The same scan on Parquet (referrals.parquet's row 8 is its line 9, as if it were a CSV with a header).
      { what: 'an NHS number in pupil_pseudo_id, from Parquet', parquet: 'referrals.csv',
        files: { 'referrals.csv': setCell(clean['referrals.csv'], 9, 'pupil_pseudo_id', NHS_NUMBER.replaceAll('-', ' ')) },
        says: 'referrals.parquet:9: pupil_pseudo_id: looks like an NHS number', withheld: NHS_NUMBER.replaceAll('-', ' ') },
    ];
    for (const [i, set] of sets.entries()) {
      const files = { ...clean, ...set.files };
      await fileInput(page).setInputFiles(Object.entries(files)
        .map(([n, t]) => (n === set.parquet ? parquetFile(n.replace('.csv', '.parquet'), t) : csvFile(n, t))));
      await page.getByRole('button', { name: 'Check and load files' }).click();
      const summary = page.locator('.error-summary');
      await summary.filter({ hasText: set.says }).waitFor({ timeout: TIMEOUT }).catch(() => undefined);
      const text = (await summary.count()) ? await summary.textContent() : '(no error summary)';
      check(text.includes(set.says), `${set.what}: error summary says ${text.slice(0, 400)}`);
      const page_ = await page.content();
      if (set.withheld) check(!page_.includes(set.withheld), `${set.what}: the value is shown on the page`);
      if (set.noKnockOn) check(!page_.includes('is not the URN of any school'), `${set.what}: knock-on unknown-URN errors shown`);
      check(!STACK.test(await page.locator('main').innerText()), `${set.what}: a stack trace is shown`);
      check(await page.getByText('Your data', { exact: true }).isVisible(), `${set.what}: the "Your data" banner went away`);
      const now = await loadedCounts(page);
      check(now === kept, `${set.what}: row counts changed to ${now} (were ${kept})`);
      if (i === 0 || i === 3 || set.parquet) await shot(`data-bad-input-${i + 1}.png`);
    }

    // Unusual but good: padded cells and UK dates (dd/mm/yyyy) load the same rows as the clean set.
    const lines = clean['referrals.csv'].split('\n');
    const padded = [lines[0], ...lines.slice(1).map((l) => l.replace(/,(SLT|OT),/, ', $1 ,').replace(/,(\d{4})-(\d{2})-(\d{2}),/, ',$3/$2/$1,'))].join('\n');
    check(padded !== clean['referrals.csv'] && padded.includes(' SLT ,') && /,\d\d\/\d\d\/\d{4},/.test(padded), 'the padded set was not made');
    await fileInput(page).setInputFiles(Object.entries({ ...clean, 'referrals.csv': padded }).map(([n, t]) => csvFile(n, t)));
    await page.getByRole('button', { name: 'Check and load files' }).click();
    // The last refusal's summary goes once this set is loaded (so the counts read are this load's).
    await page.locator('.error-summary').waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.getByRole('region', { name: 'Your data is loaded' }).waitFor({ timeout: TIMEOUT });
    const after = await loadedCounts(page);
    check(after === expected, `padded cells and UK dates loaded ${after}, expected ${expected}`);
  }],
];
