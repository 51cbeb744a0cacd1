// End-to-end cases for the Equity view (src/features/equity), run by tests/e2e/run.mjs on the built app with the
// committed sample data (seed 1; its planted patterns are described in sample-data/README.md).
const TIMEOUT = 60_000;
const SECTION = { rates: '#equity-rates', funnel: '#equity-funnel', provision: '#equity-provision', unmet: '#equity-unmet-need', programmes: '#equity-programmes' };
const section = (page, id) => page.locator(`section[aria-labelledby="${id.slice(1)}"]`);
const figureTitled = (page, title) => page.locator('figure.chart-figure', { has: page.getByRole('heading', { name: title, exact: true }) });

/** Charts drawn in a section: Vega SVGs holding at least one mark. */
const drawnCharts = (page, id) => section(page, id).locator('.vega-embed svg').evaluateAll(
  (svgs) => svgs.filter((svg) => svg.querySelector('g[class^="mark-"] path')).length);

/** Waits until the section is neither loading nor updating (aria-busy) and `count` charts are drawn in it. */
async function waitForSection(page, id, count) {
  await page.waitForFunction(([sel, n]) => {
    const s = document.querySelector(`section[aria-labelledby="${sel}"]`);
    if (!s || s.querySelector('.app-progress, [aria-busy="true"]')) return false;
    return [...s.querySelectorAll('.vega-embed svg')].filter((svg) => svg.querySelector('g[class^="mark-"] path')).length === n;
  }, [id.slice(1), count], { timeout: TIMEOUT });
}

async function flagRows(page, caption) {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await table.waitFor({ state: 'attached', timeout: TIMEOUT });
  // Flag tables are folded under their figure: open the details holding this one, as a reader would.
  await table.evaluate((t) => { for (let d = t.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true; });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
}

export const CASES = [
  ['equity: heat tables and funnel plots drawn from the sample data, with the planted patterns flagged', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await page.goto(baseUrl);
    await waitForChart(page);
    // Per service: the heat table and its like-for-like interval chart.
    await waitForSection(page, SECTION.rates, 4);
    await waitForSection(page, SECTION.funnel, 2);
    check(await drawnCharts(page, SECTION.rates) === 4, 'the heat tables and interval charts (SLT and OT) are not all drawn');
    check(await drawnCharts(page, SECTION.funnel) === 2, 'the funnel plots (SLT and OT) are not both drawn');
    const sections = await page.locator('main section.equity-section > h2').allTextContents();
    check(sections.join('|') === 'Referral rates by school type and age|Schools that refer more or less than expected|Therapy provision by school type|Possible unmet need|Universal programmes',
      `sections: ${sections.join('|')}`);
    for (const title of ['Speech and language therapy: referral rates by school type and age', 'Occupational therapy: referral rates by school type and age']) {
      check(await figureTitled(page, title).count() === 1, `no heat table titled "${title}"`);
    }
    // Pattern 1: independent schools' OT access is much lower, like for like (adjusted for their age mix).
    const otFlags = await flagRows(page, 'Occupational therapy: groups much higher or much lower than their like-for-like benchmark');
    const independent = otFlags.find((r) => r[0] === 'Independent settings, all ages');
    check(independent?.[1] === 'much lower', `independent OT flag: ${JSON.stringify(independent)}`);
    check(/99\.8% interval/.test(independent?.[2] ?? ''), `independent OT flag does not say which interval: ${independent?.[2]}`);
    // Pattern 4: the two SLT funnel outliers, outside the 99.8% limits, each with its reason.
    const sltOutliers = await flagRows(page, 'Speech and language therapy: schools outside the 99.8% limits');
    const byName = (name) => sltOutliers.find((r) => r[0].startsWith(name));
    check(byName('Brookcroft CofE Primary School')?.[1] === 'much higher', `Brookcroft: ${JSON.stringify(byName('Brookcroft'))}`);
    check(byName('Fernholme Primary Academy')?.[1] === 'much lower', `Fernholme: ${JSON.stringify(byName('Fernholme'))}`);
    check(/above the upper 99\.8% limit/.test(byName('Brookcroft CofE Primary School')?.[2] ?? ''), 'Brookcroft\'s explanation does not name the limit');
    check(/below the lower 99\.8% limit/.test(byName('Fernholme Primary Academy')?.[2] ?? ''), 'Fernholme\'s explanation does not name the limit');
    // The other sections drew too: provision, need and provision (one per service), programme impact.
    await waitForSection(page, SECTION.provision, 1);
    await waitForSection(page, SECTION.unmet, 2);
    await waitForSection(page, SECTION.programmes, 1);
    check(await page.getByText('Referrals fell by', { exact: false }).count() >= 1, 'no verdict for the planted programme adopter (Maplewood)');
    check(await page.locator('section.equity-section .chart-figure').count() === 10, `expected 10 chart figures, found ${await page.locator('section.equity-section .chart-figure').count()}`);
    await shot('equity-full.png');
  }],

  ['equity: key findings lead the page, name the planted patterns with their numbers and rule, and link to their charts', async ({ page, baseUrl, shot, check }) => {
    await page.goto(baseUrl);
    const box = page.locator('section.key-findings');
    await box.waitFor({ timeout: TIMEOUT });
    // The funnel's outliers join once the funnel is computed.
    await page.waitForFunction(() => /Fernholme/.test(document.querySelector('section.key-findings')?.textContent ?? ''), null, { timeout: TIMEOUT });
    const before = await page.evaluate(() => {
      const findings = document.querySelector('section.key-findings');
      const firstFigure = document.querySelector('figure.chart-figure');
      return Boolean(findings && firstFigure && findings.compareDocumentPosition(firstFigure) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    check(before, 'the key findings are not before the first chart');
    await box.locator('details summary').click();
    const items = await box.locator('li').allTextContents();
    check(items.length >= 3, `only ${items.length} findings`);
    const independent = items.find((t) => t.startsWith('Independent schools: OT referrals'));
    check(independent && /against 24\.9 across the area/.test(independent) && /much lower: outside the 99\.8% interval/.test(independent),
      `no finding for independent schools' OT rate: ${items.join(' | ')}`);
    const fernholme = items.find((t) => t.startsWith('Fernholme Primary Academy: SLT'));
    check(fernholme && /below the lower 99\.8% funnel limit/.test(fernholme), `no funnel finding for Fernholme: ${fernholme}`);
    // Ranked: every 99.8% finding before any 95%-only one.
    const strength = items.map((t) => (/99\.8%/.test(t) ? 2 : 1));
    check(strength.every((v, i) => i === 0 || strength[i - 1] >= v), `not ranked by certainty: ${strength}`);
    const link = box.getByRole('link', { name: /^Independent schools: OT referrals/ });
    const target = (await link.getAttribute('href')).slice(1);
    check(target === 'figure-rates-OT', `links to #${target}`);
    await link.click();
    await page.waitForFunction((id) => document.activeElement?.id === id || location.hash === `#${id}`, target);
    const title = await page.locator(`#${target} h3`).textContent();
    check(title === 'Occupational therapy: referral rates by school type and age', `the link leads to "${title}"`);
    await shot('equity-key-findings.png');
  }],

  ['equity: a service filter updates the charts', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await page.goto(baseUrl);
    await waitForChart(page);
    await waitForSection(page, SECTION.rates, 4);
    await page.getByRole('combobox', { name: 'Service', exact: true }).selectOption('OT');
    await page.waitForURL(/service=OT/);
    await waitForSection(page, SECTION.rates, 2);
    await waitForSection(page, SECTION.funnel, 1);
    const titles = await page.locator('figure.chart-figure h3').allTextContents();
    check(!titles.some((t) => t.startsWith('Speech and language therapy')), `SLT charts still shown: ${titles.join(' | ')}`);
    check(titles.includes('Occupational therapy: referral rates by school type and age'), `no OT heat table: ${titles.join(' | ')}`);
    // The same state straight from the URL.
    await page.goto(`${baseUrl}?view=equity&service=OT`);
    await waitForSection(page, SECTION.rates, 2);
    await waitForSection(page, SECTION.funnel, 1);
    check(await figureTitled(page, "Occupational therapy: schools' referral rates by size").count() === 1, 'no OT funnel plot from ?service=OT');
    check(await drawnCharts(page, SECTION.rates) === 2 && await drawnCharts(page, SECTION.funnel) === 1, 'not one heat table, one interval chart and one funnel plot for OT');
    await shot('equity-service-ot.png');
  }],

  ['equity: an update says "Updating" only once it takes a while, laid over the section, and nothing moves', async ({ page, baseUrl, shot, check, waitForChart }) => {
    // The DuckDB worker's answers can be held back, so the update takes as long as the case needs.
    await page.addInitScript(() => {
      const add = Worker.prototype.addEventListener;
      const remove = Worker.prototype.removeEventListener;
      const wrapped = new WeakMap();
      Worker.prototype.addEventListener = function (type, listener, options) {
        if (type !== 'message' || typeof listener !== 'function') return add.call(this, type, listener, options);
        if (!wrapped.has(listener)) {
          wrapped.set(listener, function (event) {
            if (window.teeHeld) window.teeHeld.push(() => listener.call(this, event));
            else listener.call(this, event);
          });
        }
        return add.call(this, type, wrapped.get(listener), options);
      };
      Worker.prototype.removeEventListener = function (type, listener, options) {
        return remove.call(this, type, wrapped.get(listener) ?? listener, options);
      };
    });
    await page.goto(baseUrl);
    await waitForChart(page);
    await waitForSection(page, SECTION.rates, 4);
    const rates = section(page, SECTION.rates);
    const notice = rates.locator('.app-updating').first();
    const firstChart = rates.locator('.chart-figure__chart').first();
    const topOf = (locator) => locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    check(await notice.getAttribute('role') === 'status', 'the update notice is not a status live region');
    check((await notice.textContent()) === '', `the notice says "${await notice.textContent()}" before any change`);
    const from = page.locator('.filter-bar').getByLabel('From', { exact: true });
    // Months can be chosen once the data is open (until then the page shows the answers stored with it).
    await page.waitForFunction((el) => !el.disabled && el.options.length > 4, await from.elementHandle(), { timeout: TIMEOUT });
    const months = await from.evaluate((el) => [...el.options].map((o) => o.value).filter(Boolean));
    // A first start month set, so the filter bar already shows its "filters in use" line (it adds one row).
    await from.selectOption(months[2]);
    await waitForSection(page, SECTION.rates, 4);
    const month = months[4];
    const before = await topOf(firstChart);
    await page.evaluate(() => { window.teeHeld = []; });
    await from.selectOption(month);
    await rates.locator('[aria-busy="true"]').first().waitFor({ state: 'attached', timeout: TIMEOUT });
    check((await notice.textContent()) === '', 'the notice came at once: a quick update would flash it');
    await page.waitForTimeout(600);
    check(/^Updating for the new filters…$/.test(await notice.textContent()), `no notice after 600 ms of updating: "${await notice.textContent()}"`);
    const box = await notice.boundingBox();
    check(box !== null && box.height > 0, 'the notice is not drawn');
    const during = await topOf(firstChart);
    check(during === before, `the figures moved when the notice came (${before} → ${during} px)`);
    await shot('equity-updating.png');
    await page.evaluate(() => { const held = window.teeHeld; window.teeHeld = null; for (const deliver of held) deliver(); });
    await waitForSection(page, SECTION.rates, 4);
    check((await notice.textContent()) === '', 'the notice stays once the figures are updated');
    check(await topOf(firstChart) === before, 'the figures moved when the notice went');
  }],

  ['equity: funnel tooltip, and clicking an outlier (or its link) opens My setting', async ({ page, baseUrl, shot, check }) => {
    await page.goto(`${baseUrl}?view=equity&service=SLT&to=2026-08`);
    await waitForSection(page, SECTION.funnel, 1);
    const funnel = figureTitled(page, "Speech and language therapy: schools' referral rates by size");
    const brookcroft = funnel.locator('g.mark-symbol.role-mark path[aria-label*="Brookcroft"]').first();
    await brookcroft.hover();
    const tooltip = page.locator('#vg-tooltip-element');
    await tooltip.waitFor({ state: 'visible', timeout: TIMEOUT });
    check((await tooltip.textContent()).includes('Brookcroft CofE Primary School'), `tooltip says ${await tooltip.textContent()}`);
    await shot('equity-funnel-tooltip.png');
    await brookcroft.click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'my-setting', { timeout: TIMEOUT });
    const clicked = new URL(page.url()).searchParams;
    check(clicked.get('school') === '119110', `clicked through to school ${clicked.get('school')}`);
    check(clicked.get('service') === 'SLT' && clicked.get('to') === '2026-08', `filters not kept: ${page.url()}`);
    await page.goBack();
    await waitForSection(page, SECTION.funnel, 1);
    // Keyboard: the outlier's link in the table folded under the chart.
    await section(page, SECTION.funnel).getByText(/schools are outside the 99\.8% limits$/).first().click();
    const link = section(page, SECTION.funnel).getByRole('link', { name: /^Fernholme Primary Academy/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('view') === 'my-setting', { timeout: TIMEOUT });
    const linked = new URL(page.url()).searchParams;
    check(linked.get('school') === '125550' && linked.get('service') === 'SLT', `link went to ${page.url()}`);
  }],

  ['equity: changing a prevalence assumption recomputes expected need', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=equity&service=SLT`);
    const caption = 'Speech and language therapy: schools flagged as possible unmet need';
    const fernholme = async () => (await flagRows(page, caption)).find((r) => r[0] === 'Fernholme Primary Academy');
    check((await fernholme())?.includes('about 60'), `Fernholme's expected need at the published 9.92%: ${await fernholme()}`);
    await page.getByText('How expected need is estimated, and changing the assumptions').click();
    check(await page.getByText('Norbury et al. (2016)', { exact: false }).first().isVisible(), 'the SLCN source is not shown');
    await page.getByLabel('Speech and language therapy: children with language disorder').fill('20');
    await page.getByRole('button', { name: 'Apply assumptions' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('table tbody tr')].some((r) => r.textContent.includes('Fernholme') && r.textContent.includes('about 120')), null, { timeout: TIMEOUT });
    await page.getByLabel('Speech and language therapy: children with language disorder').fill('abc');
    await page.getByRole('button', { name: 'Apply assumptions' }).click();
    check(await page.getByText('Enter the speech and language prevalence as a number').isVisible(), 'no error message for a non-number');
  }],

  ['equity: accessibility (axe-core), with details and a data table open', async ({ page, baseUrl, shot, runAxe, axeError }) => {
    await page.goto(baseUrl);
    await waitForSection(page, SECTION.rates, 4);
    await waitForSection(page, SECTION.funnel, 2);
    await waitForSection(page, SECTION.programmes, 1);
    const out = [['equity view', axeError(await runAxe(page))]];
    await page.getByRole('button', { name: 'Show data table' }).first().click();
    for (const summary of await page.locator('main details > summary').all()) await summary.click();
    out.push(['equity view with a data table and every details panel open', axeError(await runAxe(page))]);
    await shot('equity-details-open.png');
    return out;
  }],
];
