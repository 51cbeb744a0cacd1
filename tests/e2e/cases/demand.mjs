// End-to-end cases for the Demand view (imported by tests/e2e/run.mjs). Each case gets the runner's helpers:
// { page, baseUrl, shot, check, waitForChart, runAxe, axeError }. Screenshots: test-output/e2e/demand-*.png.
const TIMEOUT = 60_000;

/** The SPC block (chart and its reading) whose chart heading is `title`. */
const spcBlock = (page, title) => page.locator('.demand-spc-series').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** The text drawn inside a chart's SVG (title, subtitle, axes), for checking what the chart itself says. */
const chartText = (block) => block.locator('.vega-embed svg').first().evaluate((svg) => svg.textContent ?? '');

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

  ['demand: the Making Data Count summary comes first after the key findings, and accepting a proposed change point re-baselines the chart', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const summary = page.locator('section[aria-labelledby="demand-summary"]');
    await summary.locator('table tbody tr').first().waitFor({ timeout: TIMEOUT });
    const h2s = await page.locator('main .demand h2').allTextContents();
    check(h2s[0] === 'Key findings' && h2s[1] === 'Summary: is demand changing?', `the first h2s are ${JSON.stringify(h2s.slice(0, 2))}`);
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
    for (const h2 of ['Key findings', 'Referrals over time', 'Waits for a first contact', 'Referrals forecast for the next 12 months', 'Therapists needed, and what if']) {
      check(await page.getByRole('heading', { level: 2, name: h2, exact: true }).count() === 1, `no h2 "${h2}"`);
    }
    await page.getByRole('heading', { name: 'Speech and language therapy: referrals recorded and forecast' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Update the plan' }).waitFor({ timeout: TIMEOUT });
    check(await page.getByRole('button', { name: 'Recalculate' }).count() === 0, 'the older capacity calculator is still on the page');
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

  ['demand: key findings first, each linking to its figure, with the capacity gap reconciled in a table', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openDemand(page, baseUrl, '&service=SLT', waitForChart);
    const box = page.locator('section.key-findings');
    await box.locator('li').first().waitFor({ timeout: TIMEOUT });
    // Waits and capacity join the findings once their figures are worked out.
    await page.waitForFunction(() => document.querySelector('section.key-findings')?.textContent.includes('FTE in post against'), undefined, { timeout: TIMEOUT });
    const items = await box.locator('li').allTextContents();
    check(items.some((t) => /^SLT: [\d.]+ FTE in post against [\d.]+ FTE needed to reach the 18-week target by \w{3} \d{4} — [\d.]+ FTE short/.test(t)), `no capacity finding: ${JSON.stringify(items)}`);
    check(items.some((t) => /seen within 18 weeks .* against a target of 92% — (consistently fails|hit and miss)/.test(t)), `no waits finding: ${JSON.stringify(items)}`);
    check(items.some((t) => /early years rose from about \d+ to \d+ a month/.test(t)), `no early-years shift finding: ${JSON.stringify(items)}`);
    const hrefs = await box.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) check(await page.locator(href).count() === 1, `finding link ${href} has no target`);
    await box.screenshot({ path: 'test-output/e2e/demand-key-findings-1366.png' });

    const plan = page.locator('#plan-SLT');
    const table = plan.locator('table');
    await table.waitFor({ timeout: TIMEOUT });
    const cells = async (row) => (await table.locator('tbody tr').filter({ hasText: row }).locator('td').allTextContents()).map((t) => Number.parseFloat(t.replace(/,/g, '')));
    const [inPostFte, inPostHours] = await cells(/^FTE in post/);
    const [, directHours] = await cells('Available for direct work');
    const [reachFte] = await cells('Needed to reach the target');
    const [gapFte] = await cells('Gap');
    check(Math.abs(inPostHours - inPostFte * 37.5) < 0.2, `contracted hours ${inPostHours} for ${inPostFte} FTE`);
    check(Math.abs(directHours - inPostFte * 22.5 * 0.6) < 0.2, `direct hours ${directHours} for ${inPostFte} FTE at 22.5 h and 40% indirect`);
    check(Math.abs(gapFte - (inPostFte - reachFte)) < 0.11, `gap ${gapFte} is not ${inPostFte} − ${reachFte}`);
    const answer = await plan.locator('.demand-plan__answer').textContent();
    check(/FTE short of reaching it\. At 22\.5 productive clinical hours per FTE with 40% of them on indirect work, they give \d+ hours a week of direct work/.test(answer), `answer: ${answer}`);
    // The CSV holds numbers, with the units in the column names.
    const [download] = await Promise.all([page.waitForEvent('download'), plan.getByRole('button', { name: 'Download this table (CSV)' }).click()]);
    const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
    check(/^\uFEFF?Title,SLT: from FTE in post to FTE needed/m.test(text), `csv header block: ${text.slice(0, 120)}`);
    check(text.includes('Step,FTE,Hours a week,Children a week'), `csv columns: ${text.slice(0, 400)}`);
    const inPostLine = text.split(/\r?\n/).find((l) => l.startsWith('FTE in post,'));
    check(/^FTE in post,\d+(\.\d)?,\d+(\.\d)?,$/.test(inPostLine ?? ''), `csv row: ${inPostLine}`);
    check(text.includes('Productive clinical hours per FTE a week,22.5'), 'the CSV does not state its assumptions');
    await plan.screenshot({ path: 'test-output/e2e/demand-reconciliation-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await box.screenshot({ path: 'test-output/e2e/demand-key-findings-390.png' });
    await plan.screenshot({ path: 'test-output/e2e/demand-reconciliation-390.png' });
    await page.setViewportSize({ width: 1366, height: 900 });

    // The answer says filling the vacant posts would close the gap: the projection agrees.
    check(answer.includes('Filling the vacant posts would close the gap.'), `answer: ${answer}`);
    await plan.getByRole('button', { name: /^Fill the vacant posts/ }).click();
    await page.waitForURL(/plan=fteSLT(%3A|:)[\d.]+/);
    const filled = await plan.locator('.demand-plan__outcomes li').nth(2).textContent();
    check(/^Your scenario \([\d.]+ FTE\): 92% or more seen within 18 weeks from/.test(filled), `scenario with the vacancies filled: ${filled}`);

    // −5 is told by the bound it breaks, linked from the error summary and shown by the field.
    const indirect = page.getByLabel(/^Share of clinical time on indirect work/);
    await indirect.fill('-5');
    await page.getByRole('button', { name: 'Update the plan' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    const link = summary.getByRole('link', { name: 'The share of clinical time on indirect work must be 0% or more' });
    check(await link.count() === 1, `error summary says ${await summary.textContent()}`);
    check(await indirect.getAttribute('aria-invalid') === 'true', 'the field is not marked invalid');
    check((await page.locator('#plan-indirect-error').textContent()).includes('must be 0% or more'), 'no inline error by the field');
    await link.click();
    check(await page.evaluate(() => document.activeElement?.id) === 'plan-indirect', 'the error link did not move focus to the field');
    await shot('demand-plan-error.png');
  }],

  ['demand: accessibility (axe-core)', async ({ page, baseUrl, shot, check, waitForChart, runAxe, axeError }) => {
    const out = [];
    await openDemand(page, baseUrl, '', waitForChart);
    await page.getByRole('button', { name: 'Update the plan' }).waitFor({ timeout: TIMEOUT });
    await page.locator('.demand-plan table').first().waitFor({ timeout: TIMEOUT });
    await page.getByRole('heading', { name: 'Occupational therapy: referrals recorded and forecast' }).waitFor({ timeout: TIMEOUT });
    out.push(['demand', axeError(await runAxe(page))]);
    await page.getByRole('button', { name: 'Show data table' }).first().click();
    check(await page.locator('figure table').count() >= 1, 'no data table after "Show data table"');
    out.push(['demand with a data table', axeError(await runAxe(page))]);
    await page.getByLabel(/^Target wait/).fill('0');
    await page.getByRole('button', { name: 'Update the plan' }).click();
    await page.locator('.error-summary').waitFor({ timeout: TIMEOUT });
    out.push(['demand with a form error', axeError(await runAxe(page))]);
    await shot('demand-axe.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await openDemand(page, baseUrl, '', waitForChart);
    await page.locator('.demand-plan table').first().waitFor({ timeout: TIMEOUT });
    out.push(['demand at 390 px', axeError(await runAxe(page))]);
    return out;
  }],
];
