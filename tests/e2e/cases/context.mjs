// End-to-end cases for published context beside local figures (issue 17): each context figure is drawn with its
// reference lines named, its published values in the data table, its caveats and source on screen, at 1366 px and
// 390 px (screenshots: test-output/e2e/context-*.png); the "your area" control is kept in the URL.
const TIMEOUT = 60_000;

const sectionOf = (page, h2) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: h2, exact: true }) });

async function open(page, baseUrl, query, h2, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${baseUrl}?${query}`);
  await page.locator('main h1').waitFor({ timeout: TIMEOUT });
  const section = sectionOf(page, h2);
  await section.waitFor({ timeout: TIMEOUT });
  await section.scrollIntoViewIfNeeded();
  return section;
}

/** Waits until every chart in the section is drawn (charts draw when near the viewport), then returns their text. */
async function drawnCharts(section, count) {
  const figures = section.locator('figure.chart-figure');
  const texts = [];
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('.vega-embed svg g[class^="mark-"] path').first().waitFor({ timeout: TIMEOUT });
    texts.push(await figure.locator('.vega-embed svg').first().evaluate((svg) => svg.textContent ?? ''));
  }
  return texts;
}

async function tableText(figure) {
  await figure.getByRole('button', { name: 'Show data table' }).click();
  return figure.locator('table').textContent();
}

const WAITS_SERIES = ['This data set (local)', 'Provider: Oxleas NHS Foundation Trust', 'ICB: NHS South East London ICB', 'NHS region: London', 'England'];

export const CASES = [
  ['context: published waits beside the local waiting list (Demand), 1366 and 390 px', async ({ page, baseUrl, check }) => {
    for (const width of [1366, 390]) {
      const section = await open(page, baseUrl, 'view=demand&service=SLT', 'Waiting over 18 weeks: published figures for comparison', width);
      const [chart] = await drawnCharts(section, 1);
      for (const s of WAITS_SERIES) check(chart.includes(s), `${width}px: the waits chart does not name "${s}": ${chart.slice(0, 200)}`);
      check(chart.includes('Source: NHS England'), `${width}px: the chart carries no source`);
      const text = await section.textContent();
      check(text.includes('footprint is not the local authority'), 'no footprint caveat');
      check(text.includes('(a stock), not referrals'), 'no stock-not-referrals caveat');
      check(text.includes('No significance test'), 'no "no significance test" reason');
      check(text.includes('Example area'), 'the example area is not marked as an example');
      await section.screenshot({ path: `test-output/e2e/context-waits-${width}.png` });
      const table = await tableText(section.locator('figure.chart-figure').first());
      // England SLT January 2023 as published: 67,774 waiting, 35.1% over 18 weeks; Oxleas 639 waiting, 12.5%.
      check(table.includes('67,774') && table.includes('35.1'), 'the table lacks England SLT Jan 2023 (67,774; 35.1%)');
      check(table.includes('639') && table.includes('12.5'), 'the table lacks Oxleas SLT Jan 2023 (639; 12.5%)');
    }
  }],

  ['context: SLCN share and EHC plan timeliness (Equity), 1366 and 390 px', async ({ page, baseUrl, check }) => {
    for (const width of [1366, 390]) {
      const section = await open(page, baseUrl, 'view=equity', 'EHC plans: published figures for comparison', width);
      const [ages, timely] = await drawnCharts(section, 2);
      check(ages.includes('Bexley') && ages.includes('England'), `${width}px: the age chart does not name Bexley and England`);
      check(timely.includes('London (region)') && timely.includes('Bexley') && timely.includes('England'), `${width}px: the timeliness chart lacks a series`);
      const text = await section.textContent();
      check(text.includes('28.6%') && text.includes('934 of 3,267'), 'no Bexley SLCN share 28.6% (934 of 3,267)');
      check(text.includes('21.3%') && text.includes('135,836 of 638,745'), 'no England SLCN share 21.3%');
      await section.screenshot({ path: `test-output/e2e/context-ehcp-${width}.png` });
      const table = await tableText(section.locator('figure.chart-figure').nth(1));
      check(table.includes('89.8') && table.includes('391'), 'the timeliness table lacks Bexley 2022 (89.8% of 391)');
    }
  }],

  ['context: pupils with an EHC plan (My setting), 1366 and 390 px', async ({ page, baseUrl, check }) => {
    for (const width of [1366, 390]) {
      const section = await open(page, baseUrl, 'view=my-setting&school=118122', 'Pupils with an EHC plan: published figures for comparison', width);
      const [chart] = await drawnCharts(section, 1);
      check(['Bexley', 'London (region)', 'England'].every((s) => chart.includes(s)), `${width}px: the pupils chart lacks a series`);
      await section.screenshot({ path: `test-output/e2e/context-pupils-${width}.png` });
      const table = await tableText(section.locator('figure.chart-figure').first());
      check(table.includes('2022/23') && table.includes('4.3'), 'the table lacks England 2022/23 (4.29 → 4.3)');
    }
  }],

  ['context: the chosen area is kept in the URL and changes the reference lines', async ({ page, baseUrl, check, runAxe, axeError }) => {
    const section = await open(page, baseUrl, 'view=demand&service=OT', 'Waiting over 18 weeks: published figures for comparison', 1366);
    await section.locator('summary.context-area__summary').click();
    await section.locator('.context-area').screenshot({ path: 'test-output/e2e/context-area-control-1366.png' });
    const violations = axeError(await runAxe(page));
    if (violations) throw violations;
    await section.getByLabel('Integrated care board (ICB)').selectOption('NORTH EAST LONDON');
    await page.waitForURL(/icb=NORTH\+EAST\+LONDON/);
    await page.reload();
    const again = sectionOf(page, 'Waiting over 18 weeks: published figures for comparison');
    await again.waitFor({ timeout: TIMEOUT });
    await again.scrollIntoViewIfNeeded();
    const [chart] = await drawnCharts(again, 1);
    check(chart.includes('ICB: NHS North East London ICB'), `after reload the chart does not show the chosen ICB: ${chart.slice(0, 200)}`);
    check(!chart.includes('South East London'), 'the previous ICB is still drawn');
    check(!(await again.textContent()).includes('Example area'), 'a chosen area is still marked as the example');
    await again.screenshot({ path: 'test-output/e2e/context-area-chosen-1366.png' });
    // Moving to another view keeps the area; the reset returns to the example and clears it from the URL.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Equity' }).click();
    await page.waitForURL(/view=equity.*icb=NORTH\+EAST\+LONDON|icb=NORTH\+EAST\+LONDON.*view=equity/);
    const equity = sectionOf(page, 'EHC plans: published figures for comparison');
    await equity.waitFor({ timeout: TIMEOUT });
    await equity.locator('summary.context-area__summary').click();
    await equity.getByRole('button', { name: 'Use the example area' }).click();
    await page.waitForFunction(() => !window.location.search.includes('icb='));
    check((await equity.textContent()).includes('Example area'), 'after the reset the area is not marked as the example');
  }],
];
