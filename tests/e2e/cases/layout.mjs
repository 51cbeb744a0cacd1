// End-to-end cases for the shell's reading and sharing (issue 16): every view at 1366 and 390 px with axe, charts
// readable on a phone, downloads that stand alone, filters and the keyboard, the Methods page and the footer.
import { readFileSync } from 'node:fs';

const TIMEOUT = 120_000;
const VIEWS = [
  ['equity', '?view=equity', 'figure.chart-figure .vega-embed svg'],
  ['demand', '?view=demand', 'figure.chart-figure .vega-embed svg'],
  ['my-setting', '?view=my-setting&school=119110', 'section.key-findings'],
  ['data', '?view=data', 'table caption'],
  ['methods', '?view=methods', '#disclosure-control'],
];

/** Scrolls to the end so every chart below the fold is drawn, and waits for loading to finish. */
async function settle(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const height = await page.evaluate(() => { window.scrollTo(0, document.body.scrollHeight); return document.body.scrollHeight; });
    if (height === last && await page.locator('.app-progress, .chart-figure__placeholder').count() === 0) break;
    last = height;
    await page.waitForTimeout(700);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every axe violation, of any impact (the shared axeError counts only serious and critical ones). */
const anyViolation = (violations) => (violations.length
  ? new Error(violations.map((v) => `${v.impact} ${v.id} (${v.nodes}× e.g. ${v.target}): ${v.help}`).join('; ')) : null);

export const CASES = [
  ['layout: every view at 1366 and 390 px, screenshotted, with no accessibility violations', async ({ page, baseUrl, shot, runAxe }) => {
    const out = [];
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const [name, query, ready] of VIEWS) {
        await page.goto(`${baseUrl}${query}`);
        await page.waitForSelector(ready, { timeout: TIMEOUT, state: 'attached' });
        await settle(page);
        await shot(`layout-${name}-${width}.png`);
        out.push([`${name} at ${width} px`, anyViolation(await runAxe(page))]);
      }
    }
    return out;
  }],

  ['layout: at 390 px the heat table keeps its readable width and scrolls sideways, and no chart is wider than the page', async ({ page, baseUrl, check }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}?view=equity&service=OT`);
    await page.waitForSelector('#figure-rates-OT .vega-embed svg g[class^="mark-"] path', { timeout: TIMEOUT, state: 'attached' });
    const heat = await page.locator('#figure-rates-OT .chart-figure__scroll').evaluate((el) => ({
      scroll: el.scrollWidth, client: el.clientWidth, svg: el.querySelector('svg').getBoundingClientRect().width, focusable: el.tabIndex === 0,
    }));
    check(heat.svg >= 600, `the heat table is drawn ${heat.svg} px wide: its numbers would overlap`);
    check(heat.scroll > heat.client && heat.focusable, `the heat table does not scroll sideways from the keyboard: ${JSON.stringify(heat)}`);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    check(pageWidth <= 390, `the page is ${pageWidth} px wide at 390 px`);
  }],

  ['layout: downloads stand alone: titled, filtered, sourced and marked, named by view, figure, filters and date', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=equity&service=OT&from=2022-09&to=2025-08`);
    const figure = page.locator('#figure-rates-OT');
    await figure.locator('.vega-embed svg g[class^="mark-"] path').first().waitFor({ timeout: TIMEOUT, state: 'attached' });
    const save = async (label) => {
      const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: label }).click()]);
      return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
    };
    const today = new Date().toISOString().slice(0, 10);
    const stem = `equity-referral-rates-ot-ot-2022-09-to-2025-08-${today}`;
    const csv = await save('Download data (CSV)');
    check(csv.name === `${stem}.csv`, `CSV named ${csv.name}`);
    const text = csv.body.toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    check(lines[0] === 'Title,Occupational therapy: referral rates by school type and age', `CSV starts ${lines[0]}`);
    for (const line of ['Filters,Occupational therapy · Sep 2022 to Aug 2025', 'Mark,"SYNTHETIC — made-up sample data, not real children · Shareable — counts of 1 to 4 hidden as ""c""; counts slightly perturbed to protect privacy (see Methods: Disclosure control)"']) {
      check(lines.includes(line), `CSV header block lacks "${line}": ${lines.slice(0, 8).join(' | ')}`);
    }
    check(lines.some((l) => l.startsWith('Subtitle,') && l.includes('Sep 2022 to Aug 2025')), 'CSV has no period');
    const table = lines.slice(lines.indexOf('') + 1);
    check(table[0].startsWith('School type,Age phase,Referrals,Pupils,"Referrals per 1,000 pupils a year (crude)"'), `CSV columns: ${table[0]}`);
    const rates = table.slice(1).map((l) => l.split(',')[4]).filter((v) => v && v !== 'c');
    check(rates.length > 5 && rates.every((v) => /^\d+(\.\d)?$/.test(v)), `rates not rounded to 1 decimal place: ${rates.slice(0, 5)}`);
    const svg = await save('Download SVG');
    check(svg.name === `${stem}.svg`, `SVG named ${svg.name}`);
    const svgText = svg.body.toString('utf8');
    for (const words of ['Occupational therapy: referral rates by school type and age', 'Filters: Occupational therapy', 'Source: Therapy Equity Explorer', 'SYNTHETIC']) {
      check(svgText.includes(words), `SVG lacks "${words}"`);
    }
    const png = await save('Download PNG');
    check(png.name === `${stem}.png`, `PNG named ${png.name}`);
    check(png.body.subarray(1, 4).toString() === 'PNG', 'not a PNG');
    const [pngWidth, pngHeight] = [png.body.readUInt32BE(16), png.body.readUInt32BE(20)];
    const chart = await figure.locator('.vega-embed svg').boundingBox();
    check(pngWidth >= 2 * chart.width && pngHeight > 2 * chart.height + 150, `PNG ${pngWidth}×${pngHeight} has no room for its labels (chart ${chart.width}×${chart.height})`);
  }],

  ['layout: arrow keys on a filter wait for a pause; the mouse applies at once; out-of-range months show as chosen', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=equity`);
    await page.locator('#figure-rates-SLT').waitFor({ timeout: TIMEOUT });
    const service = page.getByRole('combobox', { name: 'Service', exact: true });
    await service.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    check(!new URL(page.url()).searchParams.has('service'), `the first arrow key applied at once: ${page.url()}`);
    await page.keyboard.press('ArrowDown');
    check(await service.inputValue() === 'OT', `the list shows ${await service.inputValue()}`);
    await page.waitForURL(/service=OT/, { timeout: 5000 });
    await page.getByRole('combobox', { name: 'Age phase', exact: true }).selectOption('primary');
    check(new URL(page.url()).searchParams.get('phase') === 'primary', 'a mouse choice did not apply at once');
    await page.goto(`${baseUrl}?view=equity&from=2030-01&to=2019-05`);
    const from = page.getByRole('combobox', { name: 'From', exact: true });
    await from.waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(() => document.querySelectorAll('select option').length > 20, null, { timeout: TIMEOUT });
    const shown = async (label) => page.getByRole('combobox', { name: label, exact: true }).evaluate((s) => s.selectedOptions[0]?.textContent);
    check(await shown('From') === 'May 2019 (not in the data)', `From shows ${await shown('From')}`);
    check(await shown('To') === 'Jan 2030 (not in the data)', `To shows ${await shown('To')}`);
  }],

  ['layout: a figure\'s "About this figure" links to its Methods section; the footer has the accessibility statement and privacy notice', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=equity&service=SLT`);
    const figure = page.locator('#figure-funnel-SLT');
    await figure.waitFor({ timeout: TIMEOUT });
    await figure.getByText('About this figure').click();
    await figure.getByRole('link', { name: 'Funnel plots' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'methods' && url.hash === '#funnel-plots', { timeout: TIMEOUT });
    const heading = page.locator('h2#funnel-plots');
    await heading.waitFor({ timeout: TIMEOUT });
    check(await heading.textContent() === 'Funnel plots', 'no Funnel plots section');
    const box = await heading.boundingBox();
    check(box && box.y >= -2 && box.y < 900, `the section is not scrolled into view (y = ${box?.y})`);
    check(new URL(page.url()).searchParams.get('service') === 'SLT', 'the filters were lost on the way to Methods');
    for (const term of ['ETS(M,Ad,M)', 'XmR chart', '2σ, 3σ', 'Wilson interval', 'Byar', 'Cell key method']) {
      check(await page.locator('#glossary ~ ul li', { hasText: term }).count() >= 1, `the glossary does not explain ${term}`);
    }
    await page.getByText('Accessibility statement').click();
    check(await page.getByText('WCAG) 2.2 at level AA', { exact: false }).isVisible(), 'no WCAG 2.2 AA claim');
    await page.getByText('Privacy notice').click();
    check(await page.getByText('Nothing leaves your device.', { exact: false }).isVisible(), 'no privacy notice');
  }],
];
