// End-to-end cases for the first view's stored answers (src/app/stored-answers.ts): on a cold start the first
// chart is drawn from the answers stored with the sample's snapshot before the engine is ready, and once the data
// is open the live figures show exactly the same; an address with other filters does not use them. The engine is
// held back (its wasm download is paused) so the early phase can be looked at without a race; the returning user's
// side (answers kept in OPFS with their own data) is in returning.mjs.
const TIMEOUT = 60_000;
const CHART = '.vega-embed svg g[class^="mark-"] path, .vega-embed canvas';
const EARLY_NOTE = 'Until the data is open';

/** Pauses the engine's wasm download until the returned function is called. */
export async function holdEngine(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let asked = false;
  await page.context().route(/duckdb-(eh|mvp)-[^/]*\.wasm$/, async (route) => {
    asked = true;
    await released;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

/** The names of the performance marks made so far, with their times. */
export const marks = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));

/** Every table's text inside the view (captions, headers and cells), and the key findings, as one string each. */
export const viewText = (page) => page.evaluate(() => ({
  tables: [...document.querySelectorAll('main table')].map((t) => t.textContent.replace(/\s+/g, ' ').trim()),
  findings: document.querySelector('.equity .key-findings, .equity [class*="key-findings"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
}));

/** Waits until the data is open and every figure named is computed live. */
export async function waitForLive(page, figures) {
  await page.waitForFunction((names) => {
    const got = new Set(performance.getEntriesByType('mark').map((m) => m.name));
    return got.has('tee:data-ready') && names.every((n) => got.has(`tee:figure-end:${n}`)) && !document.querySelector('.app-progress');
  }, figures, { timeout: TIMEOUT });
  // The live figures' renders (and React's commit) after their marks.
  await page.waitForTimeout(500);
}

const EQUITY_FIGURES = ['equity/rates-by-type-phase', 'equity/funnel', 'equity/provision-by-type', 'equity/provision-by-school', 'equity/programme-impact'];

export const CASES = [
  ['stored answers: on a cold start the first chart is drawn before the engine is ready, and the live figures are identical', async ({ page, baseUrl, shot, check }) => {
    const engine = await holdEngine(page);
    await page.goto(baseUrl);
    await page.waitForSelector(CHART, { timeout: TIMEOUT });
    // Every Equity figure with stored answers computed from them; the engine is still held.
    await page.waitForFunction((names) => {
      const got = new Set(performance.getEntriesByType('mark').map((m) => m.name));
      return names.every((n) => got.has(`tee:figure-stored:${n}`));
    }, EQUITY_FIGURES, { timeout: TIMEOUT });
    await page.waitForTimeout(500);
    const early = await marks(page);
    check(engine.asked(), 'the engine\'s wasm was never asked for (the hold did nothing)');
    check(!('tee:engine-ready' in early) && !('tee:data-ready' in early), `the engine was ready: ${JSON.stringify(early)}`);
    check(await page.getByText(EARLY_NOTE).isVisible(), 'the page does not say the figures are from the saved results');
    check(await page.getByText('Sample data — synthetic').isVisible(), 'the sample banner is missing early');
    // The lists drawn from the data (localities, months) wait for it; the contract's own values can be chosen.
    const service = page.getByRole('combobox', { name: 'Service', exact: true });
    const localityList = page.getByRole('combobox', { name: 'Locality', exact: true });
    check(await service.isEnabled(), 'the Service list cannot be used before the data is open');
    check(await localityList.isDisabled() && await page.getByRole('combobox', { name: 'From', exact: true }).isDisabled(),
      'the locality and month lists can be used before the data is open');
    const locality = await localityList.locator('option').allTextContents();
    check(locality.join() === 'All localities', `the locality list claims options before the data is open: ${locality}`);
    const before = await viewText(page);
    check(before.tables.length >= 3 && before.tables.every((t) => t.length > 50), `too few tables drawn early: ${before.tables.length}`);
    check(before.findings.length > 100, `no key findings early: "${before.findings}"`);
    for (const [width, height] of [[1366, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await shot(`stored-answers-early-${width}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    engine.release();
    await waitForLive(page, EQUITY_FIGURES);
    const after = await viewText(page);
    check(after.tables.length === before.tables.length, `${before.tables.length} tables early, ${after.tables.length} live`);
    for (const [i, text] of after.tables.entries()) check(text === before.tables[i], `table ${i} differs live:\n early ${before.tables[i].slice(0, 300)}\n live  ${text.slice(0, 300)}`);
    check(after.findings === before.findings, `the key findings differ live:\n early ${before.findings}\n live  ${after.findings}`);
    check(await localityList.isEnabled(), 'the locality list is still disabled once the data is open');
    const locs = await page.getByRole('combobox', { name: 'Locality', exact: true }).locator('option').count();
    check(locs > 1, 'no localities once the data is open');
    await shot('stored-answers-live-1280.png');
  }],

  ['stored answers: an address with other filters does not use them (its figures wait for the data)', async ({ page, baseUrl, check }) => {
    const engine = await holdEngine(page);
    await page.goto(`${baseUrl}?view=equity&service=SLT`);
    await page.getByText(EARLY_NOTE).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1500);
    const early = await marks(page);
    check(engine.asked() && !('tee:engine-ready' in early), 'the engine was not held');
    const stored = Object.keys(early).filter((m) => m.startsWith('tee:figure-stored:'));
    check(stored.length === 0, `figures computed from stored answers under other filters: ${stored.join(', ')}`);
    check(await page.locator(CHART).count() === 0, 'a chart was drawn before the data was open under other filters');
    // The filter from the address is shown as chosen, without claiming anything about the data.
    const chosen = await page.getByRole('combobox', { name: 'Service', exact: true }).evaluate((s) => s.selectedOptions[0]?.textContent ?? '');
    check(!chosen.includes('not in the data') && chosen !== 'Both services', `the Service list shows "${chosen}" early`);
    engine.release();
    await waitForLive(page, ['equity/rates-by-type-phase']);
    await page.waitForSelector(CHART, { timeout: TIMEOUT });
    const live = await marks(page);
    check(!Object.keys(live).some((m) => m.startsWith('tee:figure-stored:')), 'stored answers used after the data opened');
  }],

  ['stored answers: a service chosen before the data is open waits for the live data', async ({ page, baseUrl, check }) => {
    const engine = await holdEngine(page);
    await page.goto(baseUrl);
    await page.waitForSelector(CHART, { timeout: TIMEOUT });
    await page.getByRole('combobox', { name: 'Service', exact: true }).selectOption('OT');
    await page.waitForURL(/service=OT/);
    await page.waitForTimeout(1000);
    const early = await marks(page);
    check(!('tee:engine-ready' in early), 'the engine was not held');
    const stored = Object.keys(early).filter((m) => m.startsWith('tee:figure-stored:'));
    engine.release();
    await waitForLive(page, ['equity/rates-by-type-phase']);
    const live = await marks(page);
    // Only the first view's figures under no filters came from the stored answers (each once): none under OT.
    check(Object.keys(live).filter((m) => m.startsWith('tee:figure-stored:')).length === stored.length, 'a figure under OT came from stored answers');
    check(!(await page.locator('#figure-rates-SLT').count()) && await page.locator('#figure-rates-OT').count() === 1,
      'the heat tables do not show OT only once the data is open');
  }],

  ['stored answers: another view at start-up does not use them', async ({ page, baseUrl, check }) => {
    const engine = await holdEngine(page);
    await page.goto(`${baseUrl}?view=demand`);
    await page.getByText(EARLY_NOTE).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(1500);
    const early = await marks(page);
    check(!Object.keys(early).some((m) => m.startsWith('tee:figure-stored:')), `stored answers used on Demand: ${JSON.stringify(early)}`);
    engine.release();
    await page.waitForSelector(CHART, { timeout: TIMEOUT });
  }],
];
