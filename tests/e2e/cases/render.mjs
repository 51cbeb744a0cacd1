// End-to-end cases for drawing charts in place (src/components/ChartFigure.tsx, update-view.ts): after filter
// changes, every chart of Equity, Demand and My setting, redrawn in the view it already had, must be the chart a
// fresh load of the same address draws. Compared as SVG markup with only these differences allowed for:
// - generated ids (clip paths, gradients) are numbered in order of appearance;
// - the items of axis and legend marks (ticks, grid lines, labels, legend entries) are sorted: Vega keys them by
//   value, so a tick present before and after a change keeps its place in the markup where a fresh chart lists the
//   ticks in order; they never overlap, so their order is not seen.
// The chart's accessible name (the container's aria-label) is compared too, and each case checks that most
// charts were in fact drawn in place (data-drawn="in place"), or the comparison would prove nothing.
const TIMEOUT = 90_000;

/** Waits until every chart figure on the page is drawn, nothing is loading or updating, and the page is quiet. */
async function settle(page, quietMs = 1200) {
  await page.evaluate(() => {
    if (window.teeLastMutation !== undefined) return;
    window.teeLastMutation = performance.now();
    new MutationObserver(() => { window.teeLastMutation = performance.now(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.waitForFunction((quiet) => {
    if (document.querySelector('.app-progress, .chart-figure__placeholder, [aria-busy="true"]')) return false;
    const charts = [...document.querySelectorAll('.chart-figure__chart')];
    if (!charts.length || charts.some((c) => !c.querySelector('svg') || !c.dataset.drawn)) return false;
    return performance.now() - window.teeLastMutation > quiet;
  }, quietMs, { timeout: TIMEOUT, polling: 100 });
}

/** Each chart figure's title, how it was last drawn, its accessible name and its SVG in the canonical form above. */
function charts(page) {
  return page.evaluate(() => {
    const canonical = (svg) => {
      const copy = svg.cloneNode(true);
      for (const group of copy.querySelectorAll('g[class*="role-axis-"], g[class*="role-legend-"]')) {
        const items = [...group.children];
        items.sort((a, b) => (a.outerHTML < b.outerHTML ? -1 : a.outerHTML > b.outerHTML ? 1 : 0));
        for (const item of items) group.appendChild(item);
      }
      let markup = copy.outerHTML;
      const ids = [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      ids.forEach((id, i) => { markup = markup.split(`"${id}"`).join(`"id${i}"`).split(`#${id})`).join(`#id${i})`); });
      return markup;
    };
    return [...document.querySelectorAll('figure.chart-figure')].map((figure, index) => {
      const chart = figure.querySelector('.chart-figure__chart');
      const svg = chart?.querySelector('svg');
      return {
        key: `${index}: ${figure.querySelector('.chart-figure__title')?.textContent ?? ''}`,
        drawn: chart?.dataset.drawn ?? '',
        label: chart?.getAttribute('aria-label') ?? '',
        svg: svg ? canonical(svg) : '',
      };
    });
  });
}

/** Where two strings first differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: in place …${a.slice(Math.max(0, i - 120), i + 120)}… fresh …${b.slice(Math.max(0, i - 120), i + 120)}…`;
}

const select = (page, label) => page.locator('.filter-bar').getByRole('combobox', { name: label, exact: true });

/** The months the From filter offers (first month first). */
const months = (page) => select(page, 'From').evaluate((el) => [...el.options].map((o) => o.value).filter(Boolean));

/**
 * Opens `path`, applies `changes` one after another (each [label, value | (months) => value]), then loads the
 * resulting address afresh in a second page and compares every chart. Returns the number drawn in place.
 */
async function compareAfterChanges({ page, baseUrl, check }, path, changes, minInPlace) {
  await page.goto(`${baseUrl}${path}`);
  await settle(page);
  const offered = await months(page);
  for (const [label, value] of changes) {
    await select(page, label).selectOption(typeof value === 'function' ? value(offered) : value);
    await settle(page);
  }
  const address = page.url();
  const updated = await charts(page);
  const fresh = await page.context().newPage();
  try {
    await fresh.goto(address);
    await settle(fresh);
    const loaded = await charts(fresh);
    check(updated.map((c) => c.key).join('|') === loaded.map((c) => c.key).join('|'),
      `the charts differ: after the changes ${updated.map((c) => c.key).join('|')}; loaded ${loaded.map((c) => c.key).join('|')}`);
    for (const [i, chart] of updated.entries()) {
      check(chart.svg.length > 0, `${chart.key}: no SVG`);
      check(chart.label === loaded[i].label, `${chart.key}: accessible name "${chart.label}" after the changes, "${loaded[i].label}" loaded afresh`);
      check(chart.svg === loaded[i].svg, `${chart.key} (${chart.drawn}) differs from the same chart loaded afresh, ${firstDifference(chart.svg, loaded[i].svg)}`);
    }
    const inPlace = updated.filter((c) => c.drawn === 'in place').length;
    check(inPlace >= minInPlace, `only ${inPlace} of ${updated.length} charts were drawn in place (${updated.filter((c) => c.drawn !== 'in place').map((c) => c.key).join('; ')})`);
    return { inPlace, total: updated.length };
  } finally {
    await fresh.close();
  }
}

export const CASES = [
  ['render: Equity charts redrawn in place after filter changes are the charts a fresh load draws', async (helpers) => {
    await compareAfterChanges(helpers, '?view=equity', [['From', (m) => m[6]], ['School type', 'special'], ['From', (m) => m[12]]], 8);
  }],
  ['render: Demand charts redrawn in place after filter changes are the charts a fresh load draws', async (helpers) => {
    await compareAfterChanges(helpers, '?view=demand', [['From', (m) => m[6]], ['Service', 'OT'], ['From', (m) => m[12]]], 8);
  }],
  ['render: My setting charts redrawn in place after filter changes are the charts a fresh load draws', async (helpers) => {
    await compareAfterChanges(helpers, '?view=my-setting&school=119110', [['From', (m) => m[6]], ['From', (m) => m[12]]], 8);
  }],
  ['render: charts kept and added back when the service changes are the charts a fresh load draws', async (helpers) => {
    // The service filter hides the other service's charts; shown again they are new charts (embedded): their places
    // went when they were hidden.
    await compareAfterChanges(helpers, '?view=equity', [['Service', 'SLT'], ['Service', '']], 0);
  }],
  ['render: charts of one service swapped for another (SLT → OT) are redrawn in their place and are the charts a fresh load draws', async (helpers) => {
    // The OT charts take the SLT charts' places (src/components/stable-slots.tsx): drawn in place, not embedded.
    for (const path of ['?view=equity', '?view=demand']) {
      const { total } = await compareAfterChanges(helpers, path, [['Service', 'SLT'], ['Service', 'OT']], 3);
      helpers.check(total > 0, `${path}: no charts`);
    }
  }],
  ['render: after an in-place redraw the SVG download shows the new data', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=demand`);
    await settle(page);
    const axes = (figure) => figure.locator('.chart-figure__chart svg g[aria-roledescription="axis"]').evaluateAll((list) => list.map((a) => a.getAttribute('aria-label')));
    const figures = page.locator('figure.chart-figure');
    const before = await Promise.all((await figures.all()).map(axes));
    await select(page, 'From').selectOption((await months(page))[6]);
    await settle(page);
    // The first chart drawn in place whose axes changed (their accessible names give each axis's range).
    let chosen = -1;
    for (const [i, figure] of (await figures.all()).entries()) {
      if (await figure.locator('.chart-figure__chart[data-drawn="in place"]').count() && (await axes(figure)).join() !== (before[i] ?? []).join()) { chosen = i; break; }
    }
    check(chosen >= 0, 'no chart drawn in place has new axes');
    const figure = figures.nth(chosen);
    const onScreen = await axes(figure);
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download SVG' }).click()]);
    const { readFileSync } = await import('node:fs');
    const saved = readFileSync(await download.path(), 'utf8');
    const escaped = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const has = (label) => saved.includes(label) || saved.includes(escaped(label)) || saved.includes(label.replace(/'/g, '&#x27;'));
    for (const label of onScreen) check(has(label), `the download lacks the new axis "${label}"`);
    check(before[chosen].some((label) => !onScreen.includes(label) && !has(label)), 'the download still has the old axes');
  }],
];
