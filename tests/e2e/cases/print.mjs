// End-to-end cases for the board paper (src/components/print): the print view (&print=1) printed to PDF in
// headless Chromium, as "Save as PDF" would, with its pages turned into PNGs to look at (when poppler's pdftoppm
// is installed); and the "Download board paper (PDF)" button's preparation.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../../../test-output/e2e/', import.meta.url));
const TIMEOUT = 120_000;
const has = (tool) => spawnSync('which', [tool]).status === 0;

async function openPrintView(page, baseUrl, query) {
  await page.goto(`${baseUrl}?${query}&print=1`);
  await page.waitForSelector('html[data-print-ready="true"]', { timeout: TIMEOUT });
}

/** Prints the page to PDF; returns { pages, text } (text only when pdftotext is installed). */
async function printToPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const file = join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const bytes = readFileSync(file, 'latin1');
  const pages = (bytes.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const text = has('pdftotext') ? spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout : null;
  if (has('pdftoppm')) spawnSync('pdftoppm', ['-r', '60', '-png', file, join(OUT, name)]);
  return { pages, text };
}

function checkPaper({ pages, text }, check, { min, max, must }) {
  check(pages >= min && pages <= max, `${pages} pages (expected ${min} to ${max})`);
  if (text === null) {
    // In CI the text checks must run (.ci/run installs poppler-utils); on a developer's machine they are optional.
    check(!process.env.CI, 'pdftotext is missing: install poppler-utils');
    return;
  }
  for (const words of must) check(text.includes(words), `the PDF does not say "${words}"`);
  check(text.includes(`Page 1 of ${pages}`) && text.includes(`Page ${pages} of ${pages}`), 'no page numbers "Page n of N"');
  for (const control of ['Download SVG', 'Show data table', 'Clear filters', 'Download board paper']) check(!text.includes(control), `a control printed: ${control}`);
}

/** Every axe violation, of any impact (the shared axeError counts only serious and critical ones). */
const anyViolation = (violations) => (violations.length
  ? new Error(violations.map((v) => `${v.impact} ${v.id} (${v.nodes}× e.g. ${v.target}): ${v.help}`).join('; ')) : null);

export const CASES = [
  ['print: the Equity board paper prints to PDF with front matter, key findings, charts and tables, disclosure statement, page numbers and no controls', async ({ page, baseUrl, check }) => {
    await openPrintView(page, baseUrl, 'view=equity&service=OT');
    const visibleControls = await page.locator('main button:visible, main select:visible, nav:visible').count();
    check(visibleControls === 0, `${visibleControls} controls visible in the print view`);
    check(await page.locator('.vega-embed svg').count() === await page.locator('figure.chart-figure').count(), 'not every chart is drawn');
    const figures = await page.locator('figure.chart-figure').count();
    const tables = await page.locator('figure.chart-figure .chart-figure__table table').count();
    const notes = await page.locator('figure.chart-figure .chart-figure__print-note').count();
    check(tables >= 2 && tables + notes === figures, `${figures} charts but ${tables} tables and ${notes} notes of a table too long to print`);
    const paper = await printToPdf(page, 'board-paper-equity');
    checkPaper(paper, check, {
      min: 4, max: 20,
      must: ['Board paper', 'SYNTHETIC', 'Occupational therapy', 'Key findings', 'Independent schools: OT referrals',
        'Data for: Occupational therapy: referral rates by school type and age', 'Disclosure statement', 'How the rates are compared: like with like'],
    });
  }],

  ['print: the My setting board paper for Brookcroft', async ({ page, baseUrl, check }) => {
    await openPrintView(page, baseUrl, 'view=my-setting&school=119110');
    const paper = await printToPdf(page, 'board-paper-my-setting');
    checkPaper(paper, check, { min: 3, max: 20, must: ['Board paper', 'Brookcroft CofE Primary School', 'Key findings', 'Disclosure statement'] });
  }],

  ['print: the print view has no accessibility violations at 1366 and 390 px', async ({ page, baseUrl, runAxe }) => {
    await openPrintView(page, baseUrl, 'view=equity');
    const out = [['equity print view at 1366 px', anyViolation(await runAxe(page))]];
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    out.push(['equity print view at 390 px', anyViolation(await runAxe(page))]);
    for (const [name, query] of [['demand', 'view=demand'], ['my-setting', 'view=my-setting&school=119110']]) {
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await openPrintView(page, baseUrl, query);
        out.push([`${name} print view at ${width} px`, anyViolation(await runAxe(page))]);
      }
    }
    return out;
  }],

  ['print: the button prepares the board paper (every chart drawn) and then calls the browser\'s print', async ({ page, baseUrl, check }) => {
    await page.goto(`${baseUrl}?view=equity&service=SLT`);
    const button = page.getByRole('button', { name: 'Download board paper (PDF)' });
    await button.waitFor({ timeout: TIMEOUT });
    // The print dialog itself cannot be driven headless: count the calls that reach it.
    await page.evaluate(() => {
      window.__printed = 0;
      window.addEventListener('beforeprint', () => { window.__drawnAtPrint = document.querySelectorAll('.chart-figure__placeholder').length; });
      const original = window.print.bind(window);
      window.print = () => { window.__printed += 1; window.__drawnAtPrint ??= document.querySelectorAll('.chart-figure__placeholder').length; original(); };
    });
    await button.click();
    await page.waitForFunction(() => window.__printed === 1, null, { timeout: TIMEOUT });
    check(await page.evaluate(() => window.__drawnAtPrint) === 0, 'some charts were not drawn when printing started');
    await page.waitForFunction(() => !document.documentElement.classList.contains('print-mode'), null, { timeout: TIMEOUT });
    check(await button.isEnabled(), 'the button stays disabled after printing');
  }],
];
