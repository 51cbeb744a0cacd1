// End-to-end cases for the disclosure modes (src/app/layout/DisclosureBanner.tsx): shareable by default, exact only
// by an explicit choice, marked on every view and download while on, and never carried in the URL.
import { readFileSync } from 'node:fs';

const TIMEOUT = 60_000;

/** Heat-table cells that say they are hidden ("c: fewer than 5"), once the heat tables are drawn. */
const HIDDEN_CELLS = () => [...document.querySelectorAll('section[aria-labelledby="equity-rates"] .vega-embed svg text')]
  .filter((t) => t.textContent === 'c: fewer than 5').length;

async function hiddenCells(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('section[aria-labelledby="equity-rates"] .vega-embed svg')]
    .filter((svg) => svg.querySelector('g[class^="mark-"] path')).length >= 2, null, { timeout: TIMEOUT });
  return page.evaluate(HIDDEN_CELLS);
}

const HIDDEN_CELLS_ZERO = () => [...document.querySelectorAll('section[aria-labelledby="equity-rates"] .vega-embed svg')].length >= 2
  && ![...document.querySelectorAll('section[aria-labelledby="equity-rates"] .vega-embed svg text')].some((t) => t.textContent === 'c: fewer than 5');

export const CASES = [
  ['disclosure: shareable by default; exact only by choice, marked, and never in the URL', async ({ page, baseUrl, shot, check, waitForChart }) => {
    await page.goto(baseUrl);
    await waitForChart(page);
    check(await page.getByText('Shareable figures.', { exact: false }).isVisible(), 'no shareable-mode line on the page');
    check(await page.getByText('EXACT — contains small numbers — not for sharing').count() === 0, 'exact mark shown in shareable mode');
    const hidden = await hiddenCells(page);
    check(hidden > 0, 'the shareable heat tables hide no cell (the sample has cells of 1–4 referrals)');
    // Asking once is not enough: the choice needs its warning confirmed.
    await page.getByRole('button', { name: 'Show exact figures…' }).click();
    check(await page.getByText('never for sharing', { exact: false }).isVisible(), 'no warning before switching to exact');
    await page.getByRole('button', { name: 'Show exact figures (not for sharing)' }).click();
    await page.getByRole('alert').filter({ hasText: 'EXACT — contains small numbers — not for sharing' }).waitFor({ timeout: TIMEOUT });
    await page.waitForFunction(HIDDEN_CELLS_ZERO, null, { timeout: TIMEOUT });
    check(!page.url().includes('exact') && !page.url().includes('disclosure'), `exact mode leaked into the URL: ${page.url()}`);
    await shot('disclosure-exact.png');
    // A download made now says EXACT in its name and in its header block.
    const figure = page.locator('section[aria-labelledby="equity-rates"] figure').first();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download data (CSV)' }).click()]);
    const body = readFileSync(await download.path(), 'utf8');
    check(download.suggestedFilename().includes('EXACT-not-for-sharing'), `exact download named ${download.suggestedFilename()}`);
    check(body.includes('EXACT — contains small numbers — not for sharing'), 'the exact CSV does not carry the mark');
    // Another view keeps the mark.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link').nth(1).click();
    check(await page.getByRole('alert').filter({ hasText: 'EXACT' }).isVisible(), 'the exact banner is gone on another view');
    // A reload (or the same link opened by someone else) is shareable again.
    await page.reload();
    await waitForChart(page);
    check(await page.getByText('EXACT — contains small numbers — not for sharing').count() === 0, 'exact mode survived a reload');
    check(await page.getByText('Shareable figures.', { exact: false }).isVisible(), 'not shareable after a reload');
  }],
];
