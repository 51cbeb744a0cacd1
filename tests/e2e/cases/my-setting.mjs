// End-to-end cases for My setting (imported by tests/e2e/run.mjs). Each checks what a school leader sees, on the
// sample data: Brookcroft (119110) is planted as a much-higher SLT referrer (sample-data/README.md pattern 4);
// Oakbrook Pupil Referral Unit (126432, 21 pupils) has 3 OT referrals in five years, so its OT figures are "c".
import { readFileSync } from 'node:fs';

const BROOKCROFT = { urn: '119110', name: 'Brookcroft CofE Primary School' };
const OAKBROOK = { urn: '126432', name: 'Oakbrook Pupil Referral Unit' };

const schoolHeading = (page, name) => page.getByRole('heading', { level: 2, name, exact: true });
const section = (page, service) => page.locator('section.my-setting-service', { has: page.getByRole('heading', { level: 2, name: service, exact: true }) });

async function openSchool(page, baseUrl, school) {
  await page.goto(`${baseUrl}?view=my-setting&school=${school.urn}`);
  await schoolHeading(page, school.name).waitFor({ timeout: 60_000 });
}

export const CASES = [
  ['my setting: a shared link shows Brookcroft with its charts and a "much higher" SLT flag', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openSchool(page, baseUrl, BROOKCROFT);
    await waitForChart(page);
    const slt = section(page, 'Speech and language therapy');
    await slt.locator('.vega-embed svg').first().waitFor();
    // Charts below the fold are drawn once the page is idle (ChartFigure's useNearViewport): wait for them.
    await page.waitForFunction(() => document.querySelectorAll('.vega-embed svg').length >= 8, undefined, { timeout: 60_000 }).catch(() => undefined);
    const charts = await page.locator('.vega-embed svg').count();
    check(charts >= 8, `only ${charts} charts drawn`);
    const summary = await page.locator('.my-setting-summary').textContent();
    for (const text of ['Mainstream', 'Primary', 'West', '443']) check(summary.includes(text), `summary lacks ${text}`);
    const findings = await page.locator('section.key-findings li').allTextContents();
    check(/^Brookcroft CofE Primary School: SLT referrals [\d.]+ per 1,000 pupils a year against [\d.]+ across the area — much higher: outside the 99\.8% interval$/.test(findings[0] ?? ''),
      `first key finding: ${findings[0]}`);
    const flags = await slt.locator('.my-setting-flags').textContent();
    check(flags.includes('Much higher than the area'), `SLT flags: ${flags.slice(0, 200)}`);
    check(/outside this school's 99\.8% interval/.test(flags), 'the SLT flag is not explained in words');
    check((await slt.locator('.my-setting-flags').textContent()).includes('above the upper 99.8% limit'), 'not above the 99.8% funnel limit');
    await shot('my-setting-brookcroft.png');
  }],

  ['my setting: searching by name and choosing a school updates the URL', async ({ page, baseUrl, shot, check }) => {
    await page.goto(`${baseUrl}?view=my-setting`);
    await page.locator('main .govuk-inset-text').waitFor({ timeout: 60_000 });
    const search = page.getByRole('searchbox', { name: 'Search by school name or URN' });
    await search.click();
    await page.keyboard.type('fernholme');
    const status = page.getByRole('status').filter({ hasText: 'match' });
    await status.filter({ hasText: '1 school matches' }).waitFor();
    await page.keyboard.press('Tab');
    const list = page.getByRole('combobox', { name: 'School or setting' });
    check(await list.evaluate((el) => el === document.activeElement), 'Tab from the search box did not reach the list');
    await list.selectOption('125550');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('school') === '125550' && url.searchParams.get('view') === 'my-setting');
    await schoolHeading(page, 'Fernholme Primary Academy').waitFor({ timeout: 60_000 });
    check(await page.evaluate(() => document.activeElement?.textContent) === 'Fernholme Primary Academy', 'focus did not move to the school heading');
    await shot('my-setting-search.png');
  }],

  ['my setting: a small setting shows "c" and no rate', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openSchool(page, baseUrl, OAKBROOK);
    await waitForChart(page);
    const ot = section(page, 'Occupational therapy');
    check((await ot.locator('.my-setting-flags').textContent()).includes('Not shown (c)'), 'no "Not shown (c)" flag for OT');
    const figure = ot.locator('figure').first();
    await figure.getByRole('button', { name: 'Show data table' }).click();
    const row = figure.locator('table tbody tr').first();
    const cells = await row.locator('th, td').allTextContents();
    check(cells[0] === OAKBROOK.name, `first row is ${cells[0]}`);
    check(cells[2] === 'c' && cells[4] === 'c' && cells[5] === 'c' && cells[6] === 'c', `referrals/rate cells: ${cells.join(' | ')}`);
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download data (CSV)' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const line = csv.split('\r\n').find((l) => l.startsWith(OAKBROOK.name)) ?? '';
    // Count, rates and intervals are "c"; the referrals expected for its pupils' ages come from the area's rates
    // and its roll, not from its own count, so they are shown (then the ratio and everything after it is "c").
    check(/^Oakbrook Pupil Referral Unit,1,c,21,c,c,c,\d+(\.\d)?,c,c,c,c/.test(line), `CSV row: ${line}`);
    await shot('my-setting-small.png');
  }],

  ['my setting: similar schools ranked by rate with intervals, and a period control kept in the URL', async ({ page, baseUrl, shot, check }) => {
    await openSchool(page, baseUrl, BROOKCROFT);
    const similar = page.locator('section.my-setting-similar').first();
    await similar.waitFor({ timeout: 60_000 });
    const place = await similar.locator('.my-setting-similar__place').textContent();
    check(/^Brookcroft CofE Primary School ranks 1 of \d+ listed, the highest rate\.$/.test(place), `place: ${place}`);
    await similar.getByText(/^All \d+ listed schools, ranked$/).click();
    const table = page.getByRole('table', { name: /^Speech and language therapy: mainstream primary schools by referral rate/ });
    await table.waitFor({ timeout: 60_000 });
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    check(rows.length >= 5, `only ${rows.length} similar schools listed`);
    const rates = rows.map((r) => Number(r[4]));
    check(rates.every((v, i) => i === 0 || v <= rates[i - 1]), `not ranked by rate: ${rates}`);
    check(rows.every((r) => Number(r[5]) <= Number(r[4]) && Number(r[4]) <= Number(r[6])), 'a rate lies outside its own interval');
    // Listed counts passed the gate: none is 1 to 4.
    check(rows.every((r) => !/^[1-4]$/.test(r[2])), `a count of 1-4 is shown: ${rows.map((r) => r[2])}`);
    check(rows.filter((r) => r[1].endsWith('(this school)')).length === 1 && rows[0]?.[1] === `${BROOKCROFT.name} (this school)`,
      `Brookcroft (planted much higher) is not first and marked: ${rows[0]?.[1]}`);
    const before = await page.locator('.my-setting-summary').textContent();
    check(/Sep 2021 to Aug 2026/.test(before), 'the default period is not the whole data');
    await page.getByRole('combobox', { name: 'From', exact: true }).selectOption('2024-09');
    await page.waitForURL((url) => url.searchParams.get('from') === '2024-09' && url.searchParams.get('school') === BROOKCROFT.urn);
    await page.locator('.my-setting-summary', { hasText: 'Sep 2024 to Aug 2026 (24 months)' }).waitFor({ timeout: 60_000 });
    const caption = await page.locator('.my-setting-similar p').first().textContent();
    check(caption.includes('Sep 2024 to Aug 2026'), `the ranked list does not follow the period: ${caption}`);
    await shot('my-setting-similar-schools.png');
  }],

  ['my setting: choosing a second school adds a history entry, so Back returns to the first', async ({ page, baseUrl, check }) => {
    await openSchool(page, baseUrl, BROOKCROFT);
    const list = page.getByRole('combobox', { name: 'School or setting' });
    await list.selectOption(OAKBROOK.urn);
    await page.getByRole('button', { name: 'Show this school' }).click();
    await schoolHeading(page, OAKBROOK.name).waitFor({ timeout: 60_000 });
    await page.goBack();
    await schoolHeading(page, BROOKCROFT.name).waitFor({ timeout: 60_000 });
    check(new URL(page.url()).searchParams.get('school') === BROOKCROFT.urn, `Back went to ${page.url()}`);
  }],

  ['my setting: accessibility (axe-core)', async ({ page, baseUrl, runAxe, axeError, waitForChart }) => {
    const out = [];
    await page.goto(`${baseUrl}?view=my-setting`);
    await page.locator('main .govuk-inset-text').waitFor({ timeout: 60_000 });
    out.push(['prompt', axeError(await runAxe(page))]);
    await openSchool(page, baseUrl, BROOKCROFT);
    await waitForChart(page);
    await page.locator('section.my-setting-service figure').first().getByRole('button', { name: 'Show data table' }).click();
    out.push(['Brookcroft with a data table', axeError(await runAxe(page))]);
    await page.goto(`${baseUrl}?view=my-setting&school=000000`);
    await page.getByText('School not found').waitFor({ timeout: 60_000 });
    out.push(['unknown URN', axeError(await runAxe(page))]);
    return out;
  }],
];
