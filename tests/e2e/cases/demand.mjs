// End-to-end cases for the Demand view (imported by tests/e2e/run.mjs). Each case gets the runner's helpers:
// { page, baseUrl, shot, check, waitForChart, runAxe, axeError }. Screenshots: test-output/e2e/demand-*.png.
const TIMEOUT = 60_000;

/** The SPC block (chart and its reading) whose chart heading is `title`. */
const spcBlock = (page, title) => page.locator('.demand-spc-series').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** The text drawn inside a chart's SVG (title, subtitle, axes), for checking what the chart itself says. */
const chartText = (block) => block.locator('.vega-embed svg').first().evaluate((svg) => svg.textContent ?? '');

/** The figure shown beside a result in the capacity calculator, e.g. "11.7 FTE" → 11.7. */
async function result(page, measure) {
  const row = page.locator('.demand-summary-list__row').filter({ has: page.getByText(measure, { exact: true }) });
  const text = await row.locator('.demand-summary-list__figure').textContent();
  return { text, value: Number.parseFloat(String(text).replace(/,/g, '')) };
}

async function openDemand(page, baseUrl, query = '', waitForChart) {
  await page.goto(`${baseUrl}?view=demand${query}`);
  await page.locator('main h1').waitFor({ timeout: TIMEOUT });
  await waitForChart(page);
}

export const CASES = [
  ['demand: waits over time as SPC charts with the target and an assurance icon', async ({ page, baseUrl, check, waitForChart }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const heading = page.getByRole('heading', { name: 'Waits over time', exact: true });
    await heading.waitFor({ timeout: TIMEOUT });
    const block = page.locator('.demand-spc-series').filter({ has: page.getByRole('heading', { name: 'SLT: % seen within 18 weeks' }) });
    await block.waitFor({ timeout: TIMEOUT });
    await block.scrollIntoViewIfNeeded();
    await block.locator('.vega-embed svg').first().waitFor({ timeout: TIMEOUT });
    const icon = await block.locator('svg.mdc-icon').getAttribute('aria-label');
    check(/Consistently passes|Consistently fails|Hit and miss/.test(icon ?? ''), `assurance icon: ${icon}`);
    const text = await block.locator('.vega-embed svg').first().evaluate((svg) => svg.textContent ?? '');
    check(text.includes('Target: 92'), `no target in the chart: ${text.slice(0, 200)}`);
    await block.screenshot({ path: 'test-output/e2e/demand-waits-over-time-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await block.screenshot({ path: 'test-output/e2e/demand-waits-over-time-390.png' });
  }],

  ['demand: one capacity answer, and a scenario with the recommended FTE kept in the URL', async ({ page, baseUrl, check, waitForChart }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openDemand(page, baseUrl, '&service=OT', waitForChart);
    const section = page.locator('section[aria-labelledby="demand-plan"]');
    const answer = section.locator('.demand-plan__answer').first();
    await answer.waitFor({ timeout: TIMEOUT });
    const text = await answer.textContent();
    check(/OT: to reach the 18-week target by \w{3} \d{4} you need [\d.]+ FTE in post, then [\d.]+ FTE to hold it\. You have [\d.]+ FTE in post/.test(text), `answer: ${text}`);
    await section.getByRole('button', { name: /^Use the recommended/ }).click();
    await page.waitForURL(/plan=fteOT%3A[\d.]+|plan=fteOT:[\d.]+/);
    const outcome = await section.locator('.demand-plan__outcomes li').nth(2).textContent();
    check(/^Your scenario \([\d.]+ FTE\): 92% or more seen within 18 weeks from/.test(outcome), `scenario outcome: ${outcome}`);
    // The scenario survives a reload: it is in the URL.
    await page.reload();
    await section.locator('.demand-plan__outcomes li').nth(2).waitFor({ timeout: TIMEOUT });
    check(/92% or more/.test(await section.locator('.demand-plan__outcomes li').nth(2).textContent()), 'scenario lost on reload');
    await section.locator('.vega-embed svg').first().waitFor({ timeout: TIMEOUT });
    await section.screenshot({ path: 'test-output/e2e/demand-plan-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.locator('.demand-plan').first().screenshot({ path: 'test-output/e2e/demand-plan-390.png' });
  }],

  ['demand: the Making Data Count summary comes first, and accepting a proposed change point re-baselines the chart', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const summary = page.locator('section[aria-labelledby="demand-summary"]');
    await summary.locator('table tbody tr').first().waitFor({ timeout: TIMEOUT });
    const firstH2 = await page.locator('main .demand h2').first().textContent();
    check(firstH2 === 'Summary: is demand changing?', `the first h2 is "${firstH2}"`);
    const rows = summary.locator('table tbody tr');
    // Area, 6 school types and 4 age phases for SLT.
    check(await rows.count() === 11, `summary has ${await rows.count()} rows, not 11`);
    const early = summary.locator('tr[data-series="SLT.age_phase.early_years"]');
    const reading = await early.locator('td[data-label="Reading"]').textContent();
    check(/rose from about \d+ to \d+ a month \(seasonally adjusted\) from (Apr|May|Jun) 2025 \(sustained shift; new limits proposed\)/.test(reading), `early-years reading: ${reading}`);
    // Every icon is an SVG with a text alternative.
    const icons = summary.locator('svg.mdc-icon');
    const labels = await icons.evaluateAll((all) => all.map((svg) => svg.getAttribute('aria-label')));
    check(labels.length === 11 && labels.every((l) => /variation|Not judged/.test(l ?? '')), `icon labels: ${JSON.stringify(labels)}`);
    const college = await summary.locator('tr[data-series="SLT.school_type.college"] td[data-label="Reading"]').textContent();
    check(college.includes('too few referrals for SPC'), `college reading: ${college}`);
    const axe = axeError(await runAxe(page));
    if (axe) throw axe;
    await shot('demand-summary-1366.png');
    await summary.screenshot({ path: 'test-output/e2e/demand-summary-section-1366.png' });

    await page.setViewportSize({ width: 390, height: 844 });
    await summary.scrollIntoViewIfNeeded();
    await shot('demand-summary-390.png');
    await summary.screenshot({ path: 'test-output/e2e/demand-summary-section-390.png' });
    await page.setViewportSize({ width: 1366, height: 900 });

    await early.getByRole('button', { name: /^Accept/ }).first().click();
    await page.waitForURL(/rebase=SLT\.age_phase\.early_years%3A20\d\d-\d\d|rebase=SLT\.age_phase\.early_years:20\d\d-\d\d/);
    await page.waitForFunction(() => document.querySelector('tr[data-series="SLT.age_phase.early_years"]')?.textContent.includes('limits recalculated from then'), undefined, { timeout: TIMEOUT });
    await page.getByRole('group', { name: 'Show one chart for each' }).getByRole('radio', { name: 'Age phase' }).check();
    const block = spcBlock(page, 'Speech and language therapy referrals per month: Early years age');
    await block.waitFor({ timeout: TIMEOUT });
    await block.scrollIntoViewIfNeeded();
    await block.locator('.vega-embed svg g.spc_change_points_marks line, .vega-embed svg g.spc_change_points_marks path').first().waitFor({ state: 'attached', timeout: TIMEOUT });
    check(await block.getByText(/Limits recalculated from/).count() === 1, 'the reading does not say the limits were recalculated');
    await block.screenshot({ path: 'test-output/e2e/demand-rebased-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: 'test-output/e2e/demand-rebased-390.png' });
  }],

  ['demand view draws SPC charts from the sample data', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openDemand(page, baseUrl, '', waitForChart);
    check((await page.locator('main h1').textContent()) === 'Demand and capacity', 'h1 is not "Demand and capacity"');
    for (const title of ['Speech and language therapy referrals per month: all schools', 'Occupational therapy referrals per month: all schools']) {
      const block = spcBlock(page, title);
      await block.waitFor({ timeout: TIMEOUT });
      await block.locator('.vega-embed svg g[class^="mark-"] path').first().waitFor({ timeout: TIMEOUT });
      const text = await chartText(block);
      check(text.includes('Seasonally adjusted'), `${title}: chart does not say it is seasonally adjusted (${text.slice(0, 120)})`);
      check(await block.getByText('Latest month:').count() === 1, `${title}: no latest-month variation text`);
      check(await block.getByText('Recent trend:').count() === 1, `${title}: no recent-trend text`);
    }
    for (const h2 of ['Referrals over time', 'Waits for a first contact', 'Referrals forecast for the next 12 months', 'Capacity and therapists needed']) {
      check(await page.getByRole('heading', { level: 2, name: h2, exact: true }).count() === 1, `no h2 "${h2}"`);
    }
    await page.getByRole('heading', { name: 'Speech and language therapy: referrals recorded and forecast' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Recalculate' }).first().waitFor({ timeout: TIMEOUT });
    await waitForChart(page);
    await shot('demand.png');
  }],

  ['demand: the early-years SLT series (by age phase) flags a Shift in 2025', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    await page.getByRole('group', { name: 'Show one chart for each' }).getByRole('radio', { name: 'Age phase' }).check();
    await page.waitForURL(/spcBy=age_phase/);
    const block = spcBlock(page, 'Speech and language therapy referrals per month: Early years age');
    await block.waitFor({ timeout: TIMEOUT });
    const flags = await block.locator('.demand-spc-reading__flags li').allTextContents();
    check(flags.some((f) => /^[^:]*2025[^:]*: Shift — 7 or more points above the mean/.test(f)),
      `no "Shift" flag in 2025 for early-years SLT: ${JSON.stringify(flags)}`);
    await block.scrollIntoViewIfNeeded();
    await shot('demand-early-years-slt.png');
  }],

  ['demand: switching to raw counts changes what the chart says', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const block = spcBlock(page, 'Speech and language therapy referrals per month: all schools');
    check((await chartText(block)).includes('Seasonally adjusted'), 'the default chart is not seasonally adjusted');
    await page.getByRole('group', { name: 'Series charted' }).getByRole('radio', { name: /Raw monthly counts/ }).check();
    await page.waitForURL(/spc=raw/);
    await page.waitForFunction(() => {
      const svg = document.querySelector('.demand-spc-series .vega-embed svg');
      return svg && svg.textContent.includes('Raw counts') && !svg.textContent.includes('Seasonally adjusted');
    }, undefined, { timeout: TIMEOUT });
    check(await page.getByRole('status').filter({ hasText: 'Showing raw monthly counts' }).count() === 1, 'the status line does not say raw counts');
    check((await block.locator('.chart-figure__caption').textContent()).includes('Raw'), 'the caption does not say raw');
    await page.getByRole('group', { name: 'Moving-range screening' }).getByRole('radio', { name: /^Off/ }).check();
    await page.waitForURL(/screening=off/);
    await page.waitForFunction(() => document.querySelector('.demand-spc-series .chart-figure__caption')?.textContent.includes('without screening'), undefined, { timeout: TIMEOUT });
    await shot('demand-raw.png');
  }],

  ['demand: the capacity calculator recomputes FTE and rejects a non-number', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const hours = page.getByLabel('Productive (clinical) hours per FTE per week');
    await hours.waitFor({ timeout: TIMEOUT });
    check(await hours.inputValue() === '22.5', `productive hours default is ${await hours.inputValue()}`);
    check(/Derived from your data|derived from your data/.test(await page.locator('.demand-capacity').textContent()), 'no derived hours-per-referral source');
    await page.locator('.demand-capacity .demand-summary-list').waitFor({ timeout: TIMEOUT });
    const before = await result(page, 'FTE needed to meet the target');
    check(before.value > 0, `FTE for target before: ${before.text}`);
    await hours.fill('30');
    await page.getByRole('button', { name: 'Recalculate' }).click();
    await page.waitForFunction((old) => {
      const row = [...document.querySelectorAll('.demand-summary-list__row')].find((r) => r.querySelector('dt')?.textContent === 'FTE needed to meet the target');
      return row && row.querySelector('.demand-summary-list__figure')?.textContent !== old;
    }, before.text, { timeout: TIMEOUT });
    const after = await result(page, 'FTE needed to meet the target');
    const expected = before.value * 22.5 / 30;
    check(Math.abs(after.value - expected) <= 0.11, `FTE for target ${after.value}, expected about ${expected.toFixed(2)} (22.5 → 30 hours)`);
    check((await page.locator('.demand-capacity__status').textContent()).includes('30.0 productive'), 'the status does not state the new assumption');

    await hours.fill('lots');
    await page.getByRole('button', { name: 'Recalculate' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const link = summary.getByRole('link', { name: /must be a number/ });
    check(await link.count() === 1, `error summary says ${await summary.textContent()}`);
    const target = (await link.getAttribute('href'))?.slice(1);
    check(target && target === await hours.getAttribute('id'), `the error links to #${target}, not the field`);
    check(await hours.getAttribute('aria-invalid') === 'true', 'the field is not marked invalid');
    check((await page.locator(`#${target}-error`).textContent()).includes('must be a number'), 'no inline error message by the field');
    check(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'error summary not focused');
    check((await result(page, 'FTE needed to meet the target')).text === after.text, 'results changed after an invalid entry');
    await link.click();
    check(await page.evaluate(() => document.activeElement?.id) === target, 'following the error link did not move focus to the field');
    await shot('demand-capacity-error.png');
  }],

  ['demand: accessibility (axe-core)', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    const out = [];
    await openDemand(page, baseUrl, '', waitForChart);
    await page.getByRole('button', { name: 'Recalculate' }).first().waitFor({ timeout: TIMEOUT });
    await page.getByRole('heading', { name: 'Occupational therapy: referrals recorded and forecast' }).waitFor({ timeout: TIMEOUT });
    out.push(['demand', axeError(await runAxe(page))]);
    await page.getByRole('button', { name: 'Show data table' }).first().click();
    check(await page.locator('figure table').count() >= 1, 'no data table after "Show data table"');
    out.push(['demand with a data table', axeError(await runAxe(page))]);
    const hours = page.getByLabel('Target wait from referral to first contact').first();
    await hours.fill('');
    await page.getByRole('button', { name: 'Recalculate' }).first().click();
    await page.locator('.error-summary').waitFor({ timeout: TIMEOUT });
    out.push(['demand with a form error', axeError(await runAxe(page))]);
    await shot('demand-axe.png');
    return out;
  }],
];
